package io.socketlab.student.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.logging.Logger;

/** Reads one HTTP response for the client: its head, then its body in whichever framing it uses (HTTP-21). */
final class ResponseReader {

    private static final Logger LOG = Logger.getLogger(ResponseReader.class.getName());

    /** The response cannot be understood as HTTP: the client exits 2. */
    static final class MalformedResponseException extends IOException {
        MalformedResponseException(String message) {
            super(message);
        }
    }

    private final InputStream in;

    ResponseReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the status line and header fields, skipping interim {@code 1xx} responses, and copies
     * the final head's bytes to {@code include} exactly as received. Returns the status code.
     *
     * @throws MalformedResponseException for a response that is not HTTP (the client exits 2)
     */
    int readHead(OutputStream include) throws IOException {
        // TODO(HTTP-23): the status line is "HTTP/1.x <3 digits> <reason>"; anything else is a
        //   MalformedResponseException. Header lines follow, up to an empty line.
        // TODO(HTTP-21): a 1xx status (100 Continue, 103 Early Hints...) is followed by another
        //   response: skip it, and its header lines, without printing them.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }

    /** HTTP-21: copies the body to {@code out}, framed by chunks, by Content-Length, or by the close. */
    void copyBody(OutputStream out) throws IOException {
        // TODO(HTTP-21): 204 and 304 have no body. "Transfer-Encoding: chunked": hex size (ignore
        //   ";extensions"), CRLF, data, CRLF ... up to size 0, then trailer lines up to an empty
        //   line. Otherwise Content-Length bytes exactly (fewer before the close: exit 2). With
        //   neither, everything up to the close.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }
}
