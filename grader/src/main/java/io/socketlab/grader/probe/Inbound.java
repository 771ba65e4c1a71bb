package io.socketlab.grader.probe;

import io.socketlab.grader.model.Text;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * What a {@link TcpProbe} has received and not yet consumed: one buffer refilled from the socket with a deadline on
 * every wait. A reset counts as the end of the stream (the peer closed, abruptly) and is noted in the transcript.
 */
final class Inbound {

    private final Socket socket;
    private final InputStream in;
    private final Transcript transcript;
    private final String channel;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean endOfStream;
    private volatile boolean anyArrived;
    private volatile Runnable onArrival = () -> { };

    Inbound(Socket socket, Transcript transcript, String channel) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.transcript = transcript;
        this.channel = channel;
    }

    /** Runs whenever bytes arrive from the socket (an upload notes when its first answer came). */
    void onArrival(Runnable action) {
        this.onArrival = action;
    }

    /**
     * Whether bytes are buffered, reading at most {@code max} more from the socket if none are, waiting until
     * {@code deadlineNanos}: false at end of stream (also after a reset) or at the deadline.
     */
    boolean await(long deadlineNanos, int max) throws IOException {
        if (position < limit) {
            return true;
        }
        if (endOfStream) {
            return false;
        }
        long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (leftMillis <= 0) {
            return false;
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, leftMillis)));
        try {
            int n = in.read(buffer, 0, Math.min(max, buffer.length));
            if (n < 0) {
                endOfStream = true;
                return false;
            }
            position = 0;
            limit = n;
            anyArrived = true;
            onArrival.run();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            endOfStream = true;
            transcript.note(channel, Text.of("connection reset by the peer", "conexión reiniciada (reset) por el otro lado"));
            return false;
        }
    }

    boolean await(long deadlineNanos) throws IOException {
        return await(deadlineNanos, buffer.length);
    }

    /**
     * Whether any byte has come from the peer, read or still waiting in the socket's receive buffer: safe to ask from
     * another thread (an upload, when it finishes).
     */
    boolean anythingArrived() {
        if (anyArrived) {
            return true;
        }
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the peer has closed (or reset) and everything it sent is consumed or buffered. */
    boolean ended() {
        return endOfStream;
    }

    int buffered() {
        return limit - position;
    }

    /** Where {@code b} is among the buffered bytes, counted from the first of them; -1 when it is not. */
    int indexOf(byte b) {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == b) {
                return i - position;
            }
        }
        return -1;
    }

    /** The next {@code n} buffered bytes, consumed. */
    byte[] take(int n) {
        byte[] taken = Arrays.copyOfRange(buffer, position, position + n);
        position += n;
        return taken;
    }

    /** Everything buffered, consumed. */
    byte[] takeAll() {
        return take(buffered());
    }

    /** Where the next {@code n} buffered bytes first differ from {@code expected}'s first {@code n}; -1 if nowhere. */
    int mismatch(byte[] expected, int n) {
        return Arrays.mismatch(expected, 0, n, buffer, position, position + n);
    }

    /** The rest of the stream, starting with what is buffered; its reads use the socket's own timeout. */
    InputStream rest() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                if (position < limit) {
                    int n = Math.min(length, limit - position);
                    System.arraycopy(buffer, position, target, offset, n);
                    position += n;
                    return n;
                }
                return endOfStream ? -1 : in.read(target, offset, length);
            }
        };
    }
}
