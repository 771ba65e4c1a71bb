package io.socketlab.grader.suites.http;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.suites.http.Response.Field;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
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

    private HttpReader() {
    }

    /** Reads one response; a close before it, or a timeout, fails. */
    static Response read(TcpProbe probe, Text step, boolean head, Duration within) throws IOException {
        Optional<Response> response = readOrClose(probe, step, head, within);
        if (response.isEmpty()) {
            throw ConformanceFailure.closed(step, "an HTTP response");
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
        Matcher status = STATUS_LINE.matcher(statusLine);
        if (!status.matches()) {
            throw ConformanceFailure.wrongOutput(step, "a status line such as \"HTTP/1.1 200 OK\"", Bytes.quote(statusLine));
        }
        List<Field> fields = new ArrayList<>();
        while (true) {
            String line = probe.readLine(step, left(deadline));
            if (line.isEmpty()) {
                break;
            }
            Matcher field = FIELD_LINE.matcher(line);
            if (!field.matches()) {
                throw ConformanceFailure.wrongOutput(step, "a header field line \"Name: value\" or the empty line ending the head",
                        Bytes.quote(line));
            }
            fields.add(new Field(field.group(1), field.group(2)));
            if (fields.size() > MAX_FIELDS) {
                throw ConformanceFailure.wrongOutput(step, "the empty line ending the response head",
                        Text.of("more than " + MAX_FIELDS + " header fields", "más de " + MAX_FIELDS + " campos de cabecera"));
            }
        }
        return Optional.of(new Response(statusLine, Integer.parseInt(status.group(1)), List.copyOf(fields), new byte[0]));
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
                .flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip).distinct().toList();
        if (values.isEmpty()) {
            return -1;
        }
        if (values.size() > 1 || !values.get(0).matches("[0-9]{1,18}")) {
            throw ConformanceFailure.wrongOutput(step, "one Content-Length holding a decimal number of bytes",
                    Bytes.quote("Content-Length: " + String.join(", ", response.headers("Content-Length"))));
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
            throw ConformanceFailure.wrongOutput(step, "a body of at most " + MAX_BODY + " bytes for this request",
                    Text.of("Content-Length: " + length, "Content-Length: " + length));
        }
        return probe.readExactly(step, (int) length, left(deadline));
    }

    private static byte[] readChunked(TcpProbe probe, Text step, long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = probe.readLine(step, left(deadline));
            String size = sizeLine.split(";", 2)[0].strip();
            if (!size.matches("[0-9A-Fa-f]{1,7}")) {
                throw ConformanceFailure.wrongOutput(step, "a chunk size in hex", Bytes.quote(sizeLine));
            }
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            if (body.size() + n > MAX_BODY) {
                throw ConformanceFailure.wrongOutput(step, "a body of at most " + MAX_BODY + " bytes",
                        Text.of("a longer chunked body", "un cuerpo fragmentado más largo"));
            }
            body.writeBytes(probe.readExactly(step, n, left(deadline)));
            String end = probe.readLine(step, left(deadline));
            if (!end.isEmpty()) {
                throw ConformanceFailure.wrongOutput(step, "CRLF after the chunk's data", Bytes.quote(end));
            }
        }
        while (!probe.readLine(step, left(deadline)).isEmpty()) {
            // Trailer fields: nothing the tests need.
        }
        return body.toByteArray();
    }

    static Duration left(long deadlineNanos) {
        return Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
    }
}
