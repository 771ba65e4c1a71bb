package io.socketlab.student.http;

import java.io.IOException;

/**
 * Reads one request head (request line and header fields, RFC 9112 sections 2 to 5) and refuses,
 * with the right status, every head that is malformed or too large.
 */
final class RequestParser {

    static final int MAX_REQUEST_LINE_BYTES = 8192; // HTTP-13
    static final int MAX_HEADER_BYTES = 16384;
    static final int MAX_HEADER_FIELDS = 100;

    private RequestParser() {
    }

    /**
     * The next request head on {@code input} (the connection's one buffered input), or null if the
     * client closed the connection between requests.
     *
     * @throws HttpError when the head is malformed (400), too long (414, 431) or of another HTTP version (505)
     * @throws IOException when the connection fails or ends in the middle of the head
     */
    static RequestHead read(ConnectionInput input) throws HttpError, IOException {
        // TODO: read lines with input.readLine(limit): bytes, never a BufferedReader (Content-Length
        //   counts bytes, and a reader would swallow the next pipelined request into its own buffer).
        //   Its LineTooLongException tells you a limit was passed.
        // TODO(HTTP-13): a request line over MAX_REQUEST_LINE_BYTES is 414; header lines over
        //   MAX_HEADER_BYTES in all (count each line's bytes without CRLF), or more than
        //   MAX_HEADER_FIELDS fields, are 431. Stop reading as soon as a limit is passed.
        // TODO(HTTP-11): request line = method SP target SP version, exactly one space each; the
        //   method a token (letters, digits, !#$%&'*+-.^_`|~), the target visible ASCII.
        //   Anything else, including control characters such as NUL or a bare CR, is 400.
        // TODO(HTTP-12): version "HTTP/1.0" or "HTTP/1.1"; another HTTP/<digit>.<digit> is 505;
        //   anything else (http/1.1, HTTP/1, HTTP/1.1.1, HTTP/01.1) is 400.
        // TODO(HTTP-11): each field line is name ":" OWS value OWS, the name a token with no space
        //   before the colon; a line starting with SP or HTAB (obsolete folding) is 400; controls
        //   other than HTAB in a value are 400; a value must be valid UTF-8.
        // TODO(HTTP-11): HTTP/1.1 needs exactly one Host field (none, or two, is 400). Content-Length
        //   must be digits only, all copies equal; Content-Length with Transfer-Encoding is 400.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }

    /** The length of the body that follows the head: 0 unless {@code Content-Length} says otherwise. */
    static long contentLength(RequestHead head) {
        String length = head.value("Content-Length");
        return length == null ? 0 : Long.parseLong(length);
    }
}
