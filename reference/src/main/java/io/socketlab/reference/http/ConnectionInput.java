package io.socketlab.reference.http;

import java.io.EOFException;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

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
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private long deadline;
    private boolean deadlineSet;

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
        deadline = System.nanoTime() + millis * 1_000_000L;
        deadlineSet = true;
    }

    /** Back to a per-read idle timeout, for bodies, which may be long but must keep moving. */
    void clearDeadline() {
        deadlineSet = false;
    }

    /**
     * The next line without its LF and without the CR just before it, or null if the connection
     * ended cleanly before the line's first byte.
     *
     * @throws LineTooLongException when the line holds more than {@code maxBytes} bytes
     * @throws EOFException when the connection ends in the middle of the line
     */
    byte[] readLine(int maxBytes) throws IOException {
        int length = 0;
        while (true) {
            if (position == limit && !fill()) {
                if (length == 0) {
                    return null;
                }
                throw new EOFException("the connection ended in the middle of a line");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            // One byte over the limit is still fine if it turns out to be the CR of a CRLF.
            if (length > maxBytes) {
                throw new LineTooLongException();
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(2 * length, maxBytes + 1));
            }
            line[length++] = b;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (length > maxBytes) {
            throw new LineTooLongException();
        }
        return Arrays.copyOf(line, length);
    }

    /** HTTP-7: reads and throws away {@code count} bytes (a request body nobody wants). */
    void skip(long count) throws IOException {
        while (count > 0) {
            if (position == limit && !fill()) {
                throw new EOFException("the connection ended in the middle of a request body");
            }
            int n = (int) Math.min(count, limit - position);
            position += n;
            count -= n;
        }
    }

    /** Refills the empty buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
        pendingOutput.flush();
        int timeout = idleTimeoutMillis;
        if (deadlineSet) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("request head not complete in time");
            }
            timeout = (int) Math.max(1, left / 1_000_000L);
        }
        socket.setSoTimeout(timeout);
        int n = in.read(buffer);
        if (n == -1) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
