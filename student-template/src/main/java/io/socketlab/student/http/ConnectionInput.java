package io.socketlab.student.http;

import java.io.EOFException;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * The buffered input of one connection: request lines with a length limit, bodies to skip, and a
 * deadline for each request head.
 *
 * <p>One buffer per connection serves every request on it, so pipelined requests that arrive in one
 * segment (HTTP-10) are simply read one after the other from the buffer.
 */
final class ConnectionInput {

    /** Thrown when a line grows past its limit; the rest of the line is left unread. */
    static final class LineTooLongException extends IOException {
        LineTooLongException() {
            super("line too long", null);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final Flushable pendingOutput;
    private final int idleTimeoutMillis;

    /**
     * @param pendingOutput flushed before every read that may block: responses are held back only
     *     while more pipelined requests are already waiting in the buffer
     */
    ConnectionInput(Socket socket, Flushable pendingOutput, int idleTimeoutMillis) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.pendingOutput = pendingOutput;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    /** HTTP-16: from now on, reads fail once {@code millis} have passed, however the bytes trickle in. */
    void startDeadline(int millis) {
        // TODO(HTTP-16): remember System.nanoTime() + millis: setSoTimeout bounds each read, not a
        //   head that trickles in one byte per second, so each refill checks this deadline too.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }

    /** Back to a per-read idle timeout, for bodies, which may be long but must keep moving. */
    void clearDeadline() {
        // TODO(HTTP-16): forget the deadline; reads are bounded by idleTimeoutMillis alone.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }

    /**
     * The next line without its LF and without the CR just before it, or null if the connection
     * ended cleanly before the line's first byte.
     *
     * @throws LineTooLongException when the line holds more than {@code maxBytes} bytes
     * @throws EOFException when the connection ends in the middle of the line
     */
    byte[] readLine(int maxBytes) throws IOException {
        // TODO(HTTP-10): read from a byte[] buffer of your own, refilled with in.read(buffer) only
        //   when it is empty: pipelined requests that came in one segment stay in the buffer for
        //   the next call. Read BYTES, never with a BufferedReader: Content-Length counts bytes.
        // TODO(HTTP-13): throw LineTooLongException as soon as the line passes maxBytes (one more
        //   byte is fine if it is the CR of a CRLF): never keep reading a line that is too long.
        // TODO(HTTP-16): before each refill, pendingOutput.flush() (the responses to the requests
        //   already read), then socket.setSoTimeout(the time left until the deadline, or
        //   idleTimeoutMillis when there is none); past the deadline, throw SocketTimeoutException.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }

    /** HTTP-7: reads and throws away {@code count} bytes (a request body nobody wants). */
    void skip(long count) throws IOException {
        // TODO(HTTP-7): consume count bytes from the buffer, refilling it as readLine does; the
        //   connection ending first is an EOFException.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }
}
