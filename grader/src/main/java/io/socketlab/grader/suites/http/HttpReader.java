package io.socketlab.grader.suites.http;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.suites.http.Response.Field;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HTTP/1.x responses off a probe (RFC 9112 §2-7): the status line, the header fields, and the body by its
 * framing — none for HEAD, 1xx, 204 and 304; chunked; Content-Length; or until the close. Lenient where the RFC
 * lets a client be (LF alone ends a line, an empty reason phrase), strict where a careless server goes wrong.
 */
final class HttpReader {

    /** The most body bytes a test keeps in memory; larger bodies are streamed by the tests that ask for them. */
    static final int MAX_BODY = 8 << 20;

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] ([0-9]{3})(?: .*)?");
    private static final Pattern FIELD_LINE = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \\t]*(.*?)[ \\t]*");
    private static final int MAX_FIELDS = 200;
    static final Text AN_HTTP_RESPONSE = Text.of("an HTTP response", "una respuesta HTTP");

    private HttpReader() {
    }

    /** Reads one response; a close before it, or a timeout, fails. */
    static Response read(TcpProbe probe, Text step, boolean head, Duration within) throws IOException {
        Optional<Response> response = readOrClose(probe, step, head, within);
        if (response.isEmpty()) {
            throw ConformanceFailure.closed(step, AN_HTTP_RESPONSE);
        }
        return response.get();
    }

    /** Reads one response, or returns empty when the server closed (or reset) before sending any byte. */
    static Optional<Response> readOrClose(TcpProbe probe, Text step, boolean head, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        Optional<Response> headOnly = readHeadOrClose(probe, step, within);
        if (headOnly.isEmpty()) {
            return headOnly;
        }
        Response response = headOnly.get();
        byte[] body = head || !hasBody(response.status()) ? new byte[0] : readBody(probe, response, step, deadline);
        return Optional.of(new Response(response.statusLine(), response.status(), response.fields(), body));
    }

    /** Reads the status line and fields only, leaving the body on the probe; empty when the server closed first. */
    static Optional<Response> readHeadOrClose(TcpProbe probe, Text step, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        String statusLine = probe.readLineOrClose(step, within);
        if (statusLine == null) {
            return Optional.empty();
        }
        List<String> fieldLines = new ArrayList<>();
        for (String line = probe.readLine(step, left(deadline)); !line.isEmpty();
                line = probe.readLine(step, left(deadline))) {
            fieldLines.add(line);
            tooManyFields(fieldLines, step);
        }
        return Optional.of(head(statusLine, fieldLines, step));
    }

    /**
     * Like {@link #readHeadOrClose}, but every line of the head, the empty one included, must end in CR LF (RFC 9112
     * §2.1): a close is a failure too.
     */
    static Response readHeadEndingInCrLf(TcpProbe probe, Text step, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> lines = new ArrayList<>();
        while (lines.isEmpty() || !lines.get(lines.size() - 1).isEmpty()) {
            byte[] raw = probe.readRawLine(step, left(deadline));
            int n = raw.length;
            if (n < 2 || raw[n - 2] != '\r') {
                throw ConformanceFailure.wrongOutput(step, Text.of("every line of the response head ending in \\r\\n",
                        "cada línea de la cabecera de la respuesta terminada en \\r\\n"),
                        Text.format("the line %s", "la línea %s", Bytes.render(raw)));
            }
            lines.add(new String(raw, 0, n - 2, StandardCharsets.UTF_8));
            tooManyFields(lines, step);
        }
        return head(lines.get(0), lines.subList(1, lines.size() - 1), step);
    }

    private static void tooManyFields(List<String> lines, Text step) {
        if (lines.size() > MAX_FIELDS) {
            throw ConformanceFailure.wrongOutput(step, Text.of("the empty line ending the response head",
                    "la línea vacía que termina la cabecera de la respuesta"),
                    Text.format("more than %d header fields", "más de %d campos de cabecera", MAX_FIELDS));
        }
    }

    /** A response head from its status line and field lines (without line endings); its body is left empty. */
    private static Response head(String statusLine, List<String> fieldLines, Text step) {
        Matcher status = STATUS_LINE.matcher(statusLine);
        if (!status.matches()) {
            throw ConformanceFailure.wrongOutput(step, Text.of("a status line such as \"HTTP/1.1 200 OK\"",
                    "una línea de estado como \"HTTP/1.1 200 OK\""), Text.same(Bytes.quote(statusLine)));
        }
        List<Field> fields = new ArrayList<>();
        for (String line : fieldLines) {
            Matcher field = FIELD_LINE.matcher(line);
            if (!field.matches()) {
                throw ConformanceFailure.wrongOutput(step, Text.of("a header field line \"Name: value\" or the empty line"
                        + " ending the head", "una línea de campo \"Nombre: valor\" o la línea vacía que termina la cabecera"),
                        Text.same(Bytes.quote(line)));
            }
            fields.add(new Field(field.group(1), field.group(2)));
        }
        return new Response(statusLine, Integer.parseInt(status.group(1)), List.copyOf(fields), new byte[0]);
    }

    /** Whether a response with this status to a GET carries a body (RFC 9112 §6.3). */
    static boolean hasBody(int status) {
        return status >= 200 && status != 204 && status != 304;
    }

    /**
     * The declared Content-Length, or -1 without one; a value that is not one decimal number (several differing
     * values included) fails.
     */
    static long contentLength(Response response, Text step) {
        List<String> values = response.headers("Content-Length").stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).distinct().toList();
        if (values.isEmpty()) {
            return -1;
        }
        if (values.size() > 1 || !values.get(0).matches("[0-9]{1,18}")) {
            throw ConformanceFailure.wrongOutput(step, Text.of("one Content-Length holding a decimal number of bytes",
                    "un único Content-Length con un número decimal de bytes"),
                    Text.same(Bytes.quote("Content-Length: " + String.join(", ", response.headers("Content-Length")))));
        }
        return Long.parseLong(values.get(0));
    }

    private static boolean chunked(Response response) {
        List<String> codings = response.headers("Transfer-Encoding");
        if (codings.isEmpty()) {
            return false;
        }
        String last = codings.get(codings.size() - 1);
        String[] tokens = last.split(",");
        return tokens[tokens.length - 1].strip().toLowerCase(Locale.ROOT).equals("chunked");
    }

    private static byte[] readBody(TcpProbe probe, Response head, Text step, long deadline) throws IOException {
        if (chunked(head)) {
            return readChunked(probe, step, deadline);
        }
        if (!head.headers("Transfer-Encoding").isEmpty()) {
            return probe.readUntilClosed(step, MAX_BODY, left(deadline));
        }
        long length = contentLength(head, step);
        if (length < 0) {
            return probe.readUntilClosed(step, MAX_BODY, left(deadline));
        }
        if (length > MAX_BODY) {
            throw ConformanceFailure.wrongOutput(step, atMost(), Text.same("Content-Length: " + length));
        }
        return probe.readExactly(step, (int) length, left(deadline));
    }

    private static byte[] readChunked(TcpProbe probe, Text step, long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = probe.readLine(step, left(deadline));
            String size = sizeLine.split(";", 2)[0].strip();
            if (!size.matches("[0-9A-Fa-f]{1,7}")) {
                throw ConformanceFailure.wrongOutput(step, Text.of("a chunk size in hex", "un tamaño de trozo en hexadecimal"),
                        Text.same(Bytes.quote(sizeLine)));
            }
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            if (body.size() + n > MAX_BODY) {
                throw ConformanceFailure.wrongOutput(step, atMost(),
                        Text.of("a longer chunked body", "un cuerpo por trozos más largo"));
            }
            body.writeBytes(probe.readExactly(step, n, left(deadline)));
            String end = probe.readLine(step, left(deadline));
            if (!end.isEmpty()) {
                throw ConformanceFailure.wrongOutput(step, Text.of("CRLF after the chunk's data", "CRLF tras los datos del trozo"),
                        Text.same(Bytes.quote(end)));
            }
        }
        while (!probe.readLine(step, left(deadline)).isEmpty()) {
            // Trailer fields: nothing the tests need.
        }
        return body.toByteArray();
    }

    /** "a body of at most 8388608 bytes for this request". */
    private static Text atMost() {
        return Text.format("a body of at most %d bytes for this request",
                "un cuerpo de como mucho %d bytes para esta petición", MAX_BODY);
    }

    static Duration left(long deadlineNanos) {
        return Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
    }
}
