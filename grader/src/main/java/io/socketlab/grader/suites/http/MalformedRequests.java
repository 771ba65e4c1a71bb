package io.socketlab.grader.suites.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The public corpus of malformed requests (HTTP-11): complete request heads a server must refuse with a 4xx (or by
 * closing), in four groups. Every case is malformed however leniently RFC 9112 lets a server parse: no case relies
 * on whitespace a server may fold (it may treat runs of spaces, or a bare CR, as one SP), on an LF without CR, on
 * bytes in field values (obs-text is valid), or on anything a server may repair by replacing it with a space.
 * Each case is written as Latin-1 text: one char, one byte on the wire.
 */
final class MalformedRequests {

    /** One malformed request: a short name and the exact bytes sent. */
    record Case(String name, byte[] bytes) {
    }

    private static final String LINE = "GET /hello.txt HTTP/1.1";
    private static final String HOST = "Host: localhost";

    private MalformedRequests() {
    }

    private static Case raw(String name, String latin1) {
        return new Case(name, latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A request of {@code lines} (the request line first), each ended by CRLF, then the empty line. */
    private static Case lines(String name, String... lines) {
        return raw(name, String.join("\r\n", lines) + "\r\n\r\n");
    }

    /** Malformed request lines: methods, targets and versions. */
    static List<Case> requestLines() {
        List<Case> cases = new ArrayList<>(List.of(
                lines("method alone", "GET", HOST),
                lines("no version (HTTP/0.9 style)", "GET /hello.txt", HOST),
                lines("no method", "/hello.txt HTTP/1.1", HOST),
                lines("a fourth word", "GET /hello.txt HTTP/1.1 extra", HOST),
                lines("space inside the target", "GET /hello world.txt HTTP/1.1", HOST),
                lines("empty target between two spaces", "GET  HTTP/1.1", HOST),
                lines("target without the leading slash", "GET hello.txt HTTP/1.1", HOST),
                lines("asterisk target with GET", "GET * HTTP/1.1", HOST),
                lines("target that is only a query", "GET ?a=1 HTTP/1.1", HOST),
                lines("percent sign without hex digits", "GET /%zz HTTP/1.1", HOST),
                lines("percent sign at the end", "GET /hello.txt% HTTP/1.1", HOST),
                lines("percent sign with one hex digit", "GET /%4 HTTP/1.1", HOST),
                lines("'@' in the method", "G@T /hello.txt HTTP/1.1", HOST),
                lines("'(' in the method", "GE(T /hello.txt HTTP/1.1", HOST),
                lines("':' after the method", "GET: /hello.txt HTTP/1.1", HOST),
                lines("'/' in the method", "GE/T /hello.txt HTTP/1.1", HOST),
                lines("quoted method", "\"GET\" /hello.txt HTTP/1.1", HOST),
                lines("',' in the method", "GET,HEAD /hello.txt HTTP/1.1", HOST),
                lines("'[' in the method", "[GET] /hello.txt HTTP/1.1", HOST),
                lines("only a version", "HTTP/1.1", HOST),
                lines("a status line instead of a request line", "HTTP/1.1 200 OK", HOST)));
        for (String version : List.of("HTTP/1", "HTTP/1.1.1", "http/1.1", "Http/1.1", "HTTP/01.1", "FOO/1.1",
                "HTTP/1.", "HTTP/.1", "HTTP/11", "HTTP/1.x", "HTTP/a.b", "HTTP/1.10", "HTTP/1.1/", "HTTP/-1.1",
                "HTTP/1,1", "HTTP\\1.1", "HTTPS/1.1", "HTTP/+1.1")) {
            cases.add(lines("version " + version, "GET /hello.txt " + version, HOST));
        }
        return cases;
    }

    /** Malformed header field lines. */
    static List<Case> fieldLines() {
        List<Case> cases = new ArrayList<>(List.of(
                lines("field line without a colon", LINE, HOST, "NoColonHere"),
                lines("field name and spaces, no colon", LINE, HOST, "X-Empty   "),
                lines("space before the colon of Host", LINE, "Host : localhost"),
                lines("tab before the colon of Host", LINE, "Host\t: localhost"),
                lines("space before the colon", LINE, HOST, "X-A : b"),
                lines("tab before the colon", LINE, HOST, "X-A\t: b"),
                lines("empty field name", LINE, HOST, ": value"),
                lines("field line that is only a colon", LINE, HOST, ":"),
                lines("two colons and no name", LINE, HOST, "::"),
                lines("HTTP/2 pseudo-header", LINE, HOST, ":path: /hello.txt"),
                lines("space inside the field name", LINE, HOST, "X A: b"),
                lines("obs-fold continued with a space", LINE, HOST, "X-A: b", " c"),
                lines("obs-fold continued with a tab", LINE, HOST, "X-A: b", "\tc"),
                lines("indented Host as the first field (whitespace before the first field)", LINE, " " + HOST),
                lines("tab-indented Host as the first field", LINE, "\t" + HOST),
                lines("LF inside a field name", LINE, HOST, "X-A\nB: c"),
                lines("DEL in a field name", LINE, HOST, "X\u007fA: b"),
                lines("control byte in a field name", LINE, HOST, "X\u0001A: b"),
                lines("UTF-8 letter in a field name", LINE, HOST, "\u00c3\u0091ame: b")));
        for (String name : List.of("X(A)", "X@A", "X\"A\"", "X/A", "X[A]", "X=A", "X{A}", "X,A", "X?A", "X;A", "X\\A")) {
            cases.add(lines("'" + name + "' as a field name", LINE, HOST, name + ": b"));
        }
        return cases;
    }

    /** Host, Content-Length and Transfer-Encoding errors (message framing, RFC 9112 §3.2 and §6.3). */
    static List<Case> framing() {
        List<Case> cases = new ArrayList<>(List.of(
                lines("HTTP/1.1 without Host", LINE),
                lines("HTTP/1.1 without Host, other fields present", LINE, "User-Agent: corpus", "Accept: */*"),
                lines("two Host fields, same value", LINE, HOST, HOST),
                lines("two Host fields, different values", LINE, HOST, "Host: example.org"),
                lines("two Host fields with a field between", LINE, HOST, "Accept: */*", "Host: localhost:8080"),
                lines("Host and host", LINE, HOST, "host: localhost"),
                raw("Content-Length and Transfer-Encoding", "POST /hello.txt HTTP/1.1\r\n" + HOST
                        + "\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                raw("Transfer-Encoding then Content-Length", "GET /hello.txt HTTP/1.1\r\n" + HOST
                        + "\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"),
                raw("Content-Length and Transfer-Encoding: CHUNKED", "GET /hello.txt HTTP/1.1\r\n" + HOST
                        + "\r\nContent-Length: 0\r\nTransfer-Encoding: CHUNKED\r\n\r\n0\r\n\r\n"),
                raw("Content-Length and Transfer-Encoding: gzip, chunked", "GET /hello.txt HTTP/1.1\r\n" + HOST
                        + "\r\nContent-Length: 0\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
                raw("Content-Length and Transfer-Encoding: identity", "GET /hello.txt HTTP/1.1\r\n" + HOST
                        + "\r\nTransfer-Encoding: identity\r\nContent-Length: 0\r\n\r\n"),
                raw("two Content-Length fields, different values", "POST /hello.txt HTTP/1.1\r\n" + HOST
                        + "\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"),
                raw("Content-Length list with different values", "POST /hello.txt HTTP/1.1\r\n" + HOST
                        + "\r\nContent-Length: 5, 6\r\n\r\nhello!")));
        for (String length : List.of("abc", "-1", "-0", "1.5", "0x10", "+5", "5 5", "", "5a", "1e3", "\u00d9\u00a3",
                "99999999999999999999999", "\"5\"")) {
            cases.add(lines("Content-Length: " + (length.isEmpty() ? "(empty)" : length), LINE, HOST,
                    "Content-Length: " + length));
        }
        return cases;
    }

    /** Bytes no request may hold where they are: NUL, bare CR, non-UTF-8 and control bytes. */
    static List<Case> bytes() {
        return List.of(
                lines("NUL in the method", "GE\u0000T /hello.txt HTTP/1.1", HOST),
                lines("NUL in the target", "GET /hel\u0000lo.txt HTTP/1.1", HOST),
                lines("NUL in the version", "GET /hello.txt HTTP/1\u0000.1", HOST),
                lines("NUL in a field name", LINE, HOST, "X-\u0000A: b"),
                lines("NUL before the request", "\u0000" + LINE, HOST),
                lines("NUL as a field line", LINE, "\u0000", HOST),
                lines("bare CR inside the method", "GE\rT /hello.txt HTTP/1.1", HOST),
                lines("bare CR inside the target", "GET /hel\rlo.txt HTTP/1.1", HOST),
                lines("bare CR inside the version", "GET /hello.txt HTTP/1\r.1", HOST),
                lines("bare CR inside a field name", LINE, HOST, "X-\rA: b"),
                lines("bare CR hiding the Host field", LINE, "X-A: b\r" + HOST),
                lines("non-UTF-8 byte in the method", "G\u00ffT /hello.txt HTTP/1.1", HOST),
                lines("invalid UTF-8 in the target", "GET /\u00c3\u0028.txt HTTP/1.1", HOST),
                lines("Latin-1 byte in the target", "GET /caf\u00e9.txt HTTP/1.1", HOST),
                lines("overlong UTF-8 slash in the target", "GET /\u00c0\u00afsecret HTTP/1.1", HOST),
                lines("non-UTF-8 byte in the version", "GET /hello.txt HTTP/1.\u00ff", HOST),
                lines("non-UTF-8 byte in a field name", LINE, HOST, "X-\u00fe: b"),
                lines("control byte in the target", "GET /hello\u0001.txt HTTP/1.1", HOST),
                lines("DEL in the target", "GET /hello\u007f.txt HTTP/1.1", HOST),
                lines("escape sequence before the method", "\u001b[31mGET /hello.txt HTTP/1.1", HOST),
                lines("UTF-8 byte order mark before the method", "\u00ef\u00bb\u00bf" + LINE, HOST),
                raw("TLS ClientHello bytes", "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\r\n\r\n"),
                raw("binary junk", "\u0080\u0081\u0082\u0083\u0090\u009f\u00a0\u00fe\u00ff\r\n\r\n"),
                lines("only control bytes", "\u0001\u0002\u0003\u0004", HOST));
    }
}
