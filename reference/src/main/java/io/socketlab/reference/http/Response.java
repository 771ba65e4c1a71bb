package io.socketlab.reference.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The head of one response: status line and header fields (RFC 9112, sections 4 and 5). */
final class Response {

    static final String SERVER = "socketlab-reference/1.0";

    private final Status status;
    private final StringBuilder head = new StringBuilder(256);

    /** HTTP-3: every response carries {@code Date} and {@code Server}. */
    Response(Status status) {
        this.status = status;
        // Every response says HTTP/1.1, also to an HTTP/1.0 client (RFC 9110, 6.2).
        head.append("HTTP/1.1 ").append(status.code).append(' ').append(status.reason).append("\r\n");
        header("Date", HttpDates.now());
        header("Server", SERVER);
    }

    Status status() {
        return status;
    }

    Response header(String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
        return this;
    }

    Response header(String name, long value) {
        head.append(name).append(": ").append(value).append("\r\n");
        return this;
    }

    /** Writes the head and its final empty line; the body, if any, follows. */
    void writeTo(OutputStream out) throws IOException {
        head.append("\r\n");
        // Field values here are ASCII (file types, dates, numbers, %-encoded locations).
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** HTTP-17: the short HTML page that explains an error status. */
    static byte[] errorPage(Status status) {
        String html = "<!DOCTYPE html>\n<html><head><title>" + status + "</title></head>\n"
                + "<body><h1>" + status + "</h1></body></html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
