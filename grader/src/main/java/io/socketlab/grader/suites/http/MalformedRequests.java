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
    record Case(String name, byte[] bytes, String rfc, Set<Leeway> leeway) {

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

    private static Case raw(String name, String rfc, Set<Leeway> leeway, String latin1) {
        return new Case(name, latin1.getBytes(StandardCharsets.ISO_8859_1), rfc, Set.copyOf(leeway));
    }

    /** A request of {@code lines} (the request line first), each ended by CRLF, then the empty line. */
    private static Case lines(String name, String rfc, String... lines) {
        return raw(name, rfc, Set.of(), String.join("\r\n", lines) + "\r\n\r\n");
    }

    /** Like {@link #lines}, for a request whose request-line is the invalid part: a 301 is also an answer. */
    private static Case badLine(String name, String rfc, String requestLine) {
        return raw(name, rfc, EnumSet.of(Leeway.REDIRECT), requestLine + "\r\n" + HOST + "\r\n\r\n");
    }

    /** Malformed request lines: methods, targets and versions. */
    static List<Case> requestLines() {
        List<Case> cases = new ArrayList<>(List.of(
                lines("method alone", REQUEST_LINE, "GET", HOST),
                lines("no version (HTTP/0.9 style)", REQUEST_LINE, "GET /hello.txt", HOST),
                badLine("no method", REQUEST_LINE, "/hello.txt HTTP/1.1"),
                badLine("a fourth word", REQUEST_LINE, "GET /hello.txt HTTP/1.1 extra"),
                badLine("space inside the target", REQUEST_LINE, "GET /hello world.txt HTTP/1.1"),
                badLine("empty target between two spaces", REQUEST_LINE, "GET  HTTP/1.1"),
                badLine("target without the leading slash", TARGET, "GET hello.txt HTTP/1.1"),
                badLine("asterisk target with GET", "RFC 9112 §3.2.4", "GET * HTTP/1.1"),
                badLine("target that is only a query", TARGET, "GET ?a=1 HTTP/1.1"),
                badLine("percent sign without hex digits", TARGET, "GET /%zz HTTP/1.1"),
                badLine("percent sign at the end", TARGET, "GET /hello.txt% HTTP/1.1"),
                badLine("percent sign with one hex digit", TARGET, "GET /%4 HTTP/1.1"),
                badLine("'@' in the method", METHOD, "G@T /hello.txt HTTP/1.1"),
                badLine("'(' in the method", METHOD, "GE(T /hello.txt HTTP/1.1"),
                badLine("':' after the method", METHOD, "GET: /hello.txt HTTP/1.1"),
                badLine("'/' in the method", METHOD, "GE/T /hello.txt HTTP/1.1"),
                badLine("quoted method", METHOD, "\"GET\" /hello.txt HTTP/1.1"),
                badLine("',' in the method", METHOD, "GET,HEAD /hello.txt HTTP/1.1"),
                badLine("'[' in the method", METHOD, "[GET] /hello.txt HTTP/1.1"),
                lines("only a version", REQUEST_LINE, "HTTP/1.1", HOST),
                lines("a status line instead of a request line", REQUEST_LINE, "HTTP/1.1 200 OK", HOST)));
        for (String version : List.of("HTTP/1", "HTTP/1.1.1", "http/1.1", "Http/1.1", "HTTP/01.1", "FOO/1.1",
                "HTTP/1.", "HTTP/.1", "HTTP/11", "HTTP/1.x", "HTTP/a.b", "HTTP/1.10", "HTTP/1.1/", "HTTP/-1.1",
                "HTTP/1,1", "HTTP\\1.1", "HTTPS/1.1", "HTTP/+1.1")) {
            cases.add(badLine("version " + version, VERSION, "GET /hello.txt " + version));
        }
        return cases;
    }

    /** Malformed header field lines. */
    static List<Case> fieldLines() {
        String beforeColon = "RFC 9112 §5.1 (MUST 400)";
        String fold = "RFC 9112 §5.2";
        String firstField = "RFC 9112 §2.2, §3.2";
        List<Case> cases = new ArrayList<>(List.of(
                lines("field line without a colon", FIELD_NAME, LINE, HOST, "NoColonHere"),
                lines("field name and spaces, no colon", FIELD_NAME, LINE, HOST, "X-Empty   "),
                lines("space before the colon of Host", beforeColon, LINE, "Host : localhost"),
                lines("tab before the colon of Host", beforeColon, LINE, "Host\t: localhost"),
                lines("space before the colon", beforeColon, LINE, HOST, "X-A : b"),
                lines("tab before the colon", beforeColon, LINE, HOST, "X-A\t: b"),
                lines("empty field name", FIELD_NAME, LINE, HOST, ": value"),
                lines("field line that is only a colon", FIELD_NAME, LINE, HOST, ":"),
                lines("two colons and no name", FIELD_NAME, LINE, HOST, "::"),
                lines("HTTP/2 pseudo-header", FIELD_NAME, LINE, HOST, ":path: /hello.txt"),
                lines("space inside the field name", FIELD_NAME, LINE, HOST, "X A: b"),
                raw("obs-fold continued with a space", fold, EnumSet.of(Leeway.UNFOLDED),
                        LINE + "\r\n" + HOST + "\r\nX-A: b\r\n c\r\n\r\n"),
                raw("obs-fold continued with a tab", fold, EnumSet.of(Leeway.UNFOLDED),
                        LINE + "\r\n" + HOST + "\r\nX-A: b\r\n\tc\r\n\r\n"),
                lines("indented Host as the first field (whitespace before the first field)", firstField, LINE,
                        " " + HOST),
                lines("tab-indented Host as the first field", firstField, LINE, "\t" + HOST),
                lines("LF inside a field name", FIELD_NAME, LINE, HOST, "X-A\nB: c"),
                lines("DEL in a field name", FIELD_NAME, LINE, HOST, "X\u007fA: b"),
                lines("control byte in a field name", FIELD_NAME, LINE, HOST, "X\u0001A: b"),
                lines("UTF-8 letter in a field name", FIELD_NAME, LINE, HOST, "\u00c3\u0091ame: b")));
        for (String name : List.of("X(A)", "X@A", "X\"A\"", "X/A", "X[A]", "X=A", "X{A}", "X,A", "X?A", "X;A", "X\\A")) {
            cases.add(lines("'" + name + "' as a field name", FIELD_NAME, LINE, HOST, name + ": b"));
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
                lines("HTTP/1.1 without Host", host, LINE),
                lines("HTTP/1.1 without Host, other fields present", host, LINE, "User-Agent: corpus", "Accept: */*"),
                lines("two Host fields, same value", host, LINE, HOST, HOST),
                lines("two Host fields, different values", host, LINE, HOST, "Host: example.org"),
                lines("two Host fields with a field between", host, LINE, HOST, "Accept: */*", "Host: localhost:8080"),
                lines("Host and host", host, LINE, HOST, "host: localhost"),
                raw("Content-Length and Transfer-Encoding", both, decoded, withBody
                        + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                raw("Transfer-Encoding then Content-Length", both, decoded, withBody
                        + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"),
                raw("Content-Length and Transfer-Encoding: CHUNKED", both + ", §7 (names are case-insensitive)", decoded,
                        withBody + "Content-Length: 5\r\nTransfer-Encoding: CHUNKED\r\n\r\n0\r\n\r\n"),
                raw("Content-Length and Transfer-Encoding: gzip, chunked", both + ", §6.1", notImplemented, withBody
                        + "Content-Length: 0\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
                raw("Content-Length and Transfer-Encoding: identity", "RFC 9112 §6.3 ¶4, §6.1", notImplemented,
                        withBody + "Transfer-Encoding: identity\r\nContent-Length: 0\r\n\r\n"),
                raw("two Content-Length fields, different values", length, Set.of(), withBody
                        + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"),
                raw("Content-Length list with different values", length, Set.of(), withBody
                        + "Content-Length: 5, 6\r\n\r\nhello!")));
        for (String value : List.of("abc", "-1", "-0", "1.5", "0x10", "+5", "5 5", "", "5a", "1e3", "\u00d9\u00a3",
                "99999999999999999999999", "\"5\"")) {
            cases.add(lines("Content-Length: " + (value.isEmpty() ? "(empty)" : value), length, LINE, HOST,
                    "Content-Length: " + value));
        }
        return cases;
    }

    /** Bytes no request may hold where they are: NUL, bare CR, non-UTF-8 and control bytes. */
    static List<Case> bytes() {
        String bareCr = "RFC 9112 §2.2 (a bare CR is invalid or a space)";
        return List.of(
                badLine("NUL in the method", METHOD, "GE\u0000T /hello.txt HTTP/1.1"),
                badLine("NUL in the target", TARGET, "GET /hel\u0000lo.txt HTTP/1.1"),
                badLine("NUL in the version", VERSION, "GET /hello.txt HTTP/1\u0000.1"),
                lines("NUL in a field name", FIELD_NAME, LINE, HOST, "X-\u0000A: b"),
                badLine("NUL before the request", METHOD, "\u0000" + LINE),
                lines("NUL as a field line", FIELD_NAME, LINE, "\u0000", HOST),
                badLine("bare CR inside the method", bareCr, "GE\rT /hello.txt HTTP/1.1"),
                badLine("bare CR inside the target", bareCr, "GET /hel\rlo.txt HTTP/1.1"),
                badLine("bare CR inside the version", bareCr, "GET /hello.txt HTTP/1\r.1"),
                lines("bare CR inside a field name", bareCr, LINE, HOST, "X-\rA: b"),
                lines("bare CR hiding the Host field", bareCr + ", §3.2", LINE, "X-A: b\r" + HOST),
                badLine("non-UTF-8 byte in the method", METHOD, "G\u00ffT /hello.txt HTTP/1.1"),
                badLine("invalid UTF-8 in the target", TARGET, "GET /\u00c3\u0028.txt HTTP/1.1"),
                badLine("Latin-1 byte in the target", TARGET, "GET /caf\u00e9.txt HTTP/1.1"),
                badLine("overlong UTF-8 slash in the target", TARGET, "GET /\u00c0\u00afsecret HTTP/1.1"),
                badLine("non-UTF-8 byte in the version", VERSION, "GET /hello.txt HTTP/1.\u00ff"),
                lines("non-UTF-8 byte in a field name", FIELD_NAME, LINE, HOST, "X-\u00fe: b"),
                badLine("control byte in the target", TARGET, "GET /hello\u0001.txt HTTP/1.1"),
                badLine("DEL in the target", TARGET, "GET /hello\u007f.txt HTTP/1.1"),
                badLine("escape sequence before the method", METHOD, "\u001b[31mGET /hello.txt HTTP/1.1"),
                badLine("UTF-8 byte order mark before the method", METHOD, "\u00ef\u00bb\u00bf" + LINE),
                raw("TLS ClientHello bytes", NOT_HTTP, Set.of(),
                        "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\r\n\r\n"),
                raw("binary junk", NOT_HTTP, Set.of(), "\u0080\u0081\u0082\u0083\u0090\u009f\u00a0\u00fe\u00ff\r\n\r\n"),
                lines("only control bytes", NOT_HTTP, "\u0001\u0002\u0003\u0004", HOST));
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
        return Text.of("malformed request \"" + malformed.name() + "\": " + bytes,
                "petición mal formada \"" + malformed.name() + "\": " + bytes);
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
