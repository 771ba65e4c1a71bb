package io.socketlab.grader.suites.http;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The public corpus of malformed requests (HTTP-11): complete request heads a server must refuse with a 4xx (or by
 * closing), in four groups. Every case is malformed however leniently RFC 9112 lets a server parse: no case relies
 * on whitespace a server may fold (it may treat runs of spaces, or a bare CR, as one SP), on an LF without CR, or on
 * bytes in field values (obs-text is valid). Where the RFC prescribes another answer than a refusal, the case says
 * so in its {@link Leeway} and the grader accepts that answer too. Each case is written as Latin-1 text: one char,
 * one byte on the wire. docs/http-malformed-requests.md lists every case with its section and accepted answers.
 */
final class MalformedRequests {

    /** An answer other than a 4xx or a close that RFC 9110/9112 prescribes or allows for one malformed request. */
    enum Leeway {
        /** RFC 9112 §3: an invalid request-line SHOULD get a 400, or a 301 to the target properly encoded. */
        REDIRECT(Text.of("or a 301 with a Location (RFC 9112 §3)", "o un 301 con Location (RFC 9112 §3)")),
        /** RFC 9112 §6.1: a transfer coding the server does not implement SHOULD get a 501. */
        NOT_IMPLEMENTED(Text.of("or a 501 (RFC 9112 §6.1)", "o un 501 (RFC 9112 §6.1)")),
        /** RFC 9112 §5.2: a server MAY replace each obs-fold by spaces and then serve the request. */
        UNFOLDED(Text.of("or, the fold replaced by a space (RFC 9112 §5.2), the file",
                "o, con el pliegue sustituido por un espacio (RFC 9112 §5.2), el fichero")),
        /**
         * RFC 9112 §6.3: a request with both Content-Length and Transfer-Encoding MAY be processed by the
         * Transfer-Encoding alone; the connection MUST be closed after the response.
         */
        DECODED_THEN_CLOSED(Text.of("or the file and then a close (RFC 9112 §6.3)",
                "o el fichero y luego un cierre (RFC 9112 §6.3)"));

        final Text expected;

        Leeway(Text expected) {
            this.expected = expected;
        }
    }

    /** One malformed request: a short name, the exact bytes sent, the section it breaks, and what else is accepted. */
    record Case(Text name, byte[] bytes, String rfc, Set<Leeway> leeway) {

        /** What the grader expects, in the words of a failure. */
        Text expected() {
            Text expected = Text.of("a 4xx response (400 Bad Request) or a close without a response",
                    "una respuesta 4xx (400 Bad Request) o un cierre sin respuesta");
            for (Leeway l : leeway) {
                expected = expected.plus(Text.same(", ")).plus(l.expected);
            }
            return expected;
        }
    }

    private static final String LINE = "GET /hello.txt HTTP/1.1";
    private static final String HOST = "Host: localhost";
    private static final String REQUEST_LINE = "RFC 9112 §3";
    private static final String TARGET = "RFC 9112 §3.2, RFC 3986 §2";
    private static final String METHOD = "RFC 9110 §9.1, §5.6.2 (token)";
    private static final String VERSION = "RFC 9112 §2.3";
    private static final String FIELD_NAME = "RFC 9112 §5, RFC 9110 §5.1 (token)";
    private static final String NOT_HTTP = "RFC 9112 §2.2";

    private MalformedRequests() {
    }

    private static Text n(String en, String es) {
        return Text.of(en, es);
    }

    private static Case raw(Text name, String rfc, Set<Leeway> leeway, String latin1) {
        return new Case(name, latin1.getBytes(StandardCharsets.ISO_8859_1), rfc, Set.copyOf(leeway));
    }

    /** A request of {@code lines} (the request line first), each ended by CRLF, then the empty line. */
    private static Case lines(Text name, String rfc, String... lines) {
        return raw(name, rfc, Set.of(), String.join("\r\n", lines) + "\r\n\r\n");
    }

    /** Like {@link #lines}, for a request whose request-line is the invalid part: a 301 is also an answer. */
    private static Case badLine(Text name, String rfc, String requestLine) {
        return raw(name, rfc, EnumSet.of(Leeway.REDIRECT), requestLine + "\r\n" + HOST + "\r\n\r\n");
    }

    /** Malformed request lines: methods, targets and versions. */
    static List<Case> requestLines() {
        List<Case> cases = new ArrayList<>(List.of(
                lines(n("method alone", "método solo"), REQUEST_LINE, "GET", HOST),
                lines(n("no version (HTTP/0.9 style)", "sin versión (al estilo HTTP/0.9)"),
                        REQUEST_LINE, "GET /hello.txt", HOST),
                badLine(n("no method", "sin método"), REQUEST_LINE, "/hello.txt HTTP/1.1"),
                badLine(n("a fourth word", "una cuarta palabra"), REQUEST_LINE, "GET /hello.txt HTTP/1.1 extra"),
                badLine(n("space inside the target", "espacio dentro del destino"),
                        REQUEST_LINE, "GET /hello world.txt HTTP/1.1"),
                badLine(n("empty target between two spaces", "destino vacío entre dos espacios"),
                        REQUEST_LINE, "GET  HTTP/1.1"),
                badLine(n("target without the leading slash", "destino sin la barra inicial"),
                        TARGET, "GET hello.txt HTTP/1.1"),
                badLine(n("asterisk target with GET", "destino asterisco con GET"),
                        "RFC 9112 §3.2.4", "GET * HTTP/1.1"),
                badLine(n("target that is only a query", "destino que es solo una consulta"),
                        TARGET, "GET ?a=1 HTTP/1.1"),
                badLine(n("percent sign without hex digits", "signo % sin dígitos hexadecimales"),
                        TARGET, "GET /%zz HTTP/1.1"),
                badLine(n("percent sign at the end", "signo % al final"), TARGET, "GET /hello.txt% HTTP/1.1"),
                badLine(n("percent sign with one hex digit", "signo % con un solo dígito hexadecimal"),
                        TARGET, "GET /%4 HTTP/1.1"),
                badLine(n("'@' in the method", "'@' en el método"), METHOD, "G@T /hello.txt HTTP/1.1"),
                badLine(n("'(' in the method", "'(' en el método"), METHOD, "GE(T /hello.txt HTTP/1.1"),
                badLine(n("':' after the method", "':' tras el método"), METHOD, "GET: /hello.txt HTTP/1.1"),
                badLine(n("'/' in the method", "'/' en el método"), METHOD, "GE/T /hello.txt HTTP/1.1"),
                badLine(n("quoted method", "método entre comillas"), METHOD, "\"GET\" /hello.txt HTTP/1.1"),
                badLine(n("',' in the method", "',' en el método"), METHOD, "GET,HEAD /hello.txt HTTP/1.1"),
                badLine(n("'[' in the method", "'[' en el método"), METHOD, "[GET] /hello.txt HTTP/1.1"),
                lines(n("only a version", "solo una versión"), REQUEST_LINE, "HTTP/1.1", HOST),
                lines(n("a status line instead of a request line",
                        "una línea de estado en lugar de una línea de petición"),
                        REQUEST_LINE, "HTTP/1.1 200 OK", HOST)));
        for (String version : List.of("HTTP/1", "HTTP/1.1.1", "http/1.1", "Http/1.1", "HTTP/01.1", "FOO/1.1",
                "HTTP/1.", "HTTP/.1", "HTTP/11", "HTTP/1.x", "HTTP/a.b", "HTTP/1.10", "HTTP/1.1/", "HTTP/-1.1",
                "HTTP/1,1", "HTTP\\1.1", "HTTPS/1.1", "HTTP/+1.1")) {
            cases.add(badLine(n("version " + version, "versión " + version), VERSION, "GET /hello.txt " + version));
        }
        return cases;
    }

    /** Malformed header field lines. */
    static List<Case> fieldLines() {
        String beforeColon = "RFC 9112 §5.1 (MUST 400)";
        String fold = "RFC 9112 §5.2";
        String firstField = "RFC 9112 §2.2, §3.2";
        List<Case> cases = new ArrayList<>(List.of(
                lines(n("field line without a colon", "línea de campo sin dos puntos"),
                        FIELD_NAME, LINE, HOST, "NoColonHere"),
                lines(n("field name and spaces, no colon", "nombre de campo y espacios, sin dos puntos"),
                        FIELD_NAME, LINE, HOST, "X-Empty   "),
                lines(n("space before the colon of Host", "espacio antes de los dos puntos de Host"),
                        beforeColon, LINE, "Host : localhost"),
                lines(n("tab before the colon of Host", "tabulador antes de los dos puntos de Host"),
                        beforeColon, LINE, "Host\t: localhost"),
                lines(n("space before the colon", "espacio antes de los dos puntos"),
                        beforeColon, LINE, HOST, "X-A : b"),
                lines(n("tab before the colon", "tabulador antes de los dos puntos"),
                        beforeColon, LINE, HOST, "X-A\t: b"),
                lines(n("empty field name", "nombre de campo vacío"), FIELD_NAME, LINE, HOST, ": value"),
                lines(n("field line that is only a colon", "línea de campo que es solo dos puntos"),
                        FIELD_NAME, LINE, HOST, ":"),
                lines(n("two colons and no name", "dos signos de dos puntos y ningún nombre"),
                        FIELD_NAME, LINE, HOST, "::"),
                lines(n("HTTP/2 pseudo-header", "pseudocabecera de HTTP/2"),
                        FIELD_NAME, LINE, HOST, ":path: /hello.txt"),
                lines(n("space inside the field name", "espacio dentro del nombre de campo"),
                        FIELD_NAME, LINE, HOST, "X A: b"),
                raw(n("obs-fold continued with a space", "obs-fold continuado con un espacio"),
                        fold, EnumSet.of(Leeway.UNFOLDED),
                        LINE + "\r\n" + HOST + "\r\nX-A: b\r\n c\r\n\r\n"),
                raw(n("obs-fold continued with a tab", "obs-fold continuado con un tabulador"),
                        fold, EnumSet.of(Leeway.UNFOLDED),
                        LINE + "\r\n" + HOST + "\r\nX-A: b\r\n\tc\r\n\r\n"),
                lines(n("indented Host as the first field (whitespace before the first field)",
                        "Host sangrado como primer campo (espacio en blanco antes del primer campo)"),
                        firstField, LINE,
                        " " + HOST),
                lines(n("tab-indented Host as the first field", "Host sangrado con un tabulador como primer campo"),
                        firstField, LINE, "\t" + HOST),
                lines(n("LF inside a field name", "LF dentro de un nombre de campo"),
                        FIELD_NAME, LINE, HOST, "X-A\nB: c"),
                lines(n("DEL in a field name", "DEL en un nombre de campo"), FIELD_NAME, LINE, HOST, "X\u007fA: b"),
                lines(n("control byte in a field name", "byte de control en un nombre de campo"),
                        FIELD_NAME, LINE, HOST, "X\u0001A: b"),
                lines(n("UTF-8 letter in a field name", "letra UTF-8 en un nombre de campo"),
                        FIELD_NAME, LINE, HOST, "\u00c3\u0091ame: b")));
        for (String name : List.of("X(A)", "X@A", "X\"A\"", "X/A", "X[A]", "X=A", "X{A}", "X,A", "X?A", "X;A", "X\\A")) {
            cases.add(lines(n("'" + name + "' as a field name", "'" + name + "' como nombre de campo"),
                    FIELD_NAME, LINE, HOST, name + ": b"));
        }
        return cases;
    }

    /** Host, Content-Length and Transfer-Encoding errors (message framing, RFC 9112 §3.2 and §6.3). */
    static List<Case> framing() {
        String host = "RFC 9112 §3.2 (MUST 400)";
        String both = "RFC 9112 §6.3 ¶3";
        String length = "RFC 9110 §8.6, RFC 9112 §6.3 ¶5 (MUST 400)";
        Set<Leeway> decoded = EnumSet.of(Leeway.DECODED_THEN_CLOSED);
        Set<Leeway> notImplemented = EnumSet.of(Leeway.NOT_IMPLEMENTED);
        String withBody = LINE + "\r\n" + HOST + "\r\n";
        List<Case> cases = new ArrayList<>(List.of(
                lines(n("HTTP/1.1 without Host", "HTTP/1.1 sin Host"), host, LINE),
                lines(n("HTTP/1.1 without Host, other fields present", "HTTP/1.1 sin Host, con otros campos"),
                        host, LINE, "User-Agent: corpus", "Accept: */*"),
                lines(n("two Host fields, same value", "dos campos Host, mismo valor"), host, LINE, HOST, HOST),
                lines(n("two Host fields, different values", "dos campos Host, valores distintos"),
                        host, LINE, HOST, "Host: example.org"),
                lines(n("two Host fields with a field between", "dos campos Host con otro campo entre ellos"),
                        host, LINE, HOST, "Accept: */*", "Host: localhost:8080"),
                lines(n("Host and host", "Host y host"), host, LINE, HOST, "host: localhost"),
                raw(n("Content-Length and Transfer-Encoding", "Content-Length y Transfer-Encoding"),
                        both, decoded, withBody
                        + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                raw(n("Transfer-Encoding then Content-Length", "Transfer-Encoding y luego Content-Length"),
                        both, decoded, withBody
                        + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"),
                raw(n("Content-Length and Transfer-Encoding: CHUNKED", "Content-Length y Transfer-Encoding: CHUNKED"),
                        both + ", §7 (names are case-insensitive)", decoded,
                        withBody + "Content-Length: 5\r\nTransfer-Encoding: CHUNKED\r\n\r\n0\r\n\r\n"),
                raw(n("Content-Length and Transfer-Encoding: gzip, chunked",
                        "Content-Length y Transfer-Encoding: gzip, chunked"),
                        both + ", §6.1", notImplemented, withBody
                        + "Content-Length: 0\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
                raw(n("Content-Length and Transfer-Encoding: identity", "Content-Length y Transfer-Encoding: identity"),
                        "RFC 9112 §6.3 ¶4, §6.1", notImplemented,
                        withBody + "Transfer-Encoding: identity\r\nContent-Length: 0\r\n\r\n"),
                raw(n("two Content-Length fields, different values", "dos campos Content-Length, valores distintos"),
                        length, Set.of(), withBody
                        + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"),
                raw(n("Content-Length list with different values", "lista en Content-Length con valores distintos"),
                        length, Set.of(), withBody
                        + "Content-Length: 5, 6\r\n\r\nhello!")));
        for (String value : List.of("abc", "-1", "-0", "1.5", "0x10", "+5", "5 5", "", "5a", "1e3", "\u00d9\u00a3",
                "99999999999999999999999", "\"5\"")) {
            cases.add(lines(n("Content-Length: " + (value.isEmpty() ? "(empty)" : value),
                    "Content-Length: " + (value.isEmpty() ? "(vacío)" : value)), length, LINE, HOST,
                    "Content-Length: " + value));
        }
        return cases;
    }

    /** Bytes no request may hold where they are: NUL, bare CR, non-UTF-8 and control bytes. */
    static List<Case> bytes() {
        String bareCr = "RFC 9112 §2.2 (a bare CR is invalid or a space)";
        return List.of(
                badLine(n("NUL in the method", "NUL en el método"), METHOD, "GE\u0000T /hello.txt HTTP/1.1"),
                badLine(n("NUL in the target", "NUL en el destino"), TARGET, "GET /hel\u0000lo.txt HTTP/1.1"),
                badLine(n("NUL in the version", "NUL en la versión"), VERSION, "GET /hello.txt HTTP/1\u0000.1"),
                lines(n("NUL in a field name", "NUL en un nombre de campo"), FIELD_NAME, LINE, HOST, "X-\u0000A: b"),
                badLine(n("NUL before the request", "NUL antes de la petición"), METHOD, "\u0000" + LINE),
                lines(n("NUL as a field line", "NUL como línea de campo"), FIELD_NAME, LINE, "\u0000", HOST),
                badLine(n("bare CR inside the method", "CR suelto dentro del método"),
                        bareCr, "GE\rT /hello.txt HTTP/1.1"),
                badLine(n("bare CR inside the target", "CR suelto dentro del destino"),
                        bareCr, "GET /hel\rlo.txt HTTP/1.1"),
                badLine(n("bare CR inside the version", "CR suelto dentro de la versión"),
                        bareCr, "GET /hello.txt HTTP/1\r.1"),
                lines(n("bare CR inside a field name", "CR suelto dentro de un nombre de campo"),
                        bareCr, LINE, HOST, "X-\rA: b"),
                lines(n("bare CR hiding the Host field", "CR suelto que esconde el campo Host"),
                        bareCr + ", §3.2", LINE, "X-A: b\r" + HOST),
                badLine(n("non-UTF-8 byte in the method", "byte no UTF-8 en el método"),
                        METHOD, "G\u00ffT /hello.txt HTTP/1.1"),
                badLine(n("invalid UTF-8 in the target", "UTF-8 no válido en el destino"),
                        TARGET, "GET /\u00c3\u0028.txt HTTP/1.1"),
                badLine(n("Latin-1 byte in the target", "byte Latin-1 en el destino"),
                        TARGET, "GET /caf\u00e9.txt HTTP/1.1"),
                badLine(n("overlong UTF-8 slash in the target", "barra en UTF-8 sobrelargo en el destino"),
                        TARGET, "GET /\u00c0\u00afsecret HTTP/1.1"),
                badLine(n("non-UTF-8 byte in the version", "byte no UTF-8 en la versión"),
                        VERSION, "GET /hello.txt HTTP/1.\u00ff"),
                lines(n("non-UTF-8 byte in a field name", "byte no UTF-8 en un nombre de campo"),
                        FIELD_NAME, LINE, HOST, "X-\u00fe: b"),
                badLine(n("control byte in the target", "byte de control en el destino"),
                        TARGET, "GET /hello\u0001.txt HTTP/1.1"),
                badLine(n("DEL in the target", "DEL en el destino"), TARGET, "GET /hello\u007f.txt HTTP/1.1"),
                badLine(n("escape sequence before the method", "secuencia de escape antes del método"),
                        METHOD, "\u001b[31mGET /hello.txt HTTP/1.1"),
                badLine(n("UTF-8 byte order mark before the method", "marca de orden de bytes UTF-8 antes del método"),
                        METHOD, "\u00ef\u00bb\u00bf" + LINE),
                raw(n("TLS ClientHello bytes", "bytes de un ClientHello de TLS"), NOT_HTTP, Set.of(),
                        "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\r\n\r\n"),
                raw(n("binary junk", "basura binaria"),
                        NOT_HTTP, Set.of(), "\u0080\u0081\u0082\u0083\u0090\u009f\u00a0\u00fe\u00ff\r\n\r\n"),
                lines(n("only control bytes", "solo bytes de control"), NOT_HTTP, "\u0001\u0002\u0003\u0004", HOST));
    }

    /** Every case of the four groups, in order. */
    static List<Case> all() {
        List<Case> all = new ArrayList<>(requestLines());
        all.addAll(fieldLines());
        all.addAll(framing());
        all.addAll(bytes());
        return all;
    }

    /** The step a case's failure names: the case and its bytes. */
    static Text step(Case malformed) {
        String bytes = Bytes.render(malformed.bytes());
        return Text.format("malformed request \"%s\": %s", "petición mal formada \"%s\": %s", malformed.name(), bytes);
    }

    /**
     * Sends the case on {@code probe} (a fresh connection) and fails unless the server answers as the case allows
     * within {@code within}: a 4xx, a close without a response, or what its leeway accepts.
     */
    static void expectAnswered(TcpProbe probe, Case malformed, Duration within) throws IOException {
        Text step = step(malformed);
        try {
            probe.send(malformed.bytes());
        } catch (IOException e) {
            // Closed while we were sending: whatever it answered before is read below.
        }
        Optional<Response> response;
        try {
            response = HttpReader.readHeadOrClose(probe, step, within);
        } catch (ConformanceFailure failure) {
            if (failure.kind() == FailureKind.TIMEOUT) {
                throw new ConformanceFailure(FailureKind.TIMEOUT, step, malformed.expected(),
                        Text.format("no answer and no close within %d s", "ni respuesta ni cierre en %d s",
                                within.toSeconds()), null);
            }
            throw failure;
        }
        if (response.isPresent() && !acceptable(probe, malformed, response.get(), step)) {
            throw ConformanceFailure.wrongOutput(step, malformed.expected(), response.get().describe());
        }
    }

    /**
     * Whether a response is one the contract or the RFC accepts for this case: a 4xx, or what its leeway allows (a
     * 301 with its Location, a 501, or the file served, then the close where the RFC demands it).
     */
    private static boolean acceptable(TcpProbe probe, Case malformed, Response head, Text step) throws IOException {
        Set<Leeway> leeway = malformed.leeway();
        int status = head.status();
        if (status / 100 == 4) {
            return true;
        }
        if (status == 301) {
            return leeway.contains(Leeway.REDIRECT) && head.header("Location").isPresent();
        }
        if (status == 501) {
            return leeway.contains(Leeway.NOT_IMPLEMENTED);
        }
        boolean decoded = leeway.contains(Leeway.DECODED_THEN_CLOSED);
        if (status != 200 || !(decoded || leeway.contains(Leeway.UNFOLDED))) {
            return false;
        }
        byte[] hello = Bytes.utf8(Site.HELLO);
        if (HttpReader.contentLength(head, step) != hello.length) {
            return false;
        }
        Expect.body(new Response(head.statusLine(), 200, head.fields(),
                probe.readExactly(step, hello.length, probe.replyTimeout())), hello, step);
        if (decoded) {
            // RFC 9112 §6.3: whoever processes such a request MUST close the connection after responding.
            probe.expectClosed(Expect.after(step), probe.replyTimeout());
        }
        return true;
    }
}
