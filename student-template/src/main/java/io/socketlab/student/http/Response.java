package io.socketlab.student.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The head of one response: status line and header fields (RFC 9112, sections 4 and 5). */
final class Response {

    static final String SERVER = "socketlab-student/1.0";

    private final Status status;
    private final StringBuilder head = new StringBuilder(256);

    Response(Status status) {
        this.status = status;
        head.append("HTTP/1.1 ").append(status.code).append(' ').append(status.reason).append("\r\n");
        // TODO(HTTP-3): every response carries Date (HttpDates.now()) and Server.
    }

    Status status() {
        return status;
    }

    Response header(String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
        return this;
    }

    Response header(String name, long value) {
        return header(name, Long.toString(value));
    }

    /** Writes the head and its final empty line; the body, if any, follows. */
    void writeTo(OutputStream out) throws IOException {
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** HTTP-17: the short HTML page that explains an error status. */
    static byte[] errorPage(Status status) {
        // TODO(HTTP-17): a few lines of HTML naming the status, as UTF-8 bytes. Its length in
        //   bytes is the response's Content-Length.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }
}
