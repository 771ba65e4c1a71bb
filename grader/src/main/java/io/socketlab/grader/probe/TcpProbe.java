package io.socketlab.grader.probe;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One TCP connection driven by a test, as lines or as a byte stream. Every read is bounded by a deadline; every
 * byte sent and consumed goes into the test's transcript; a broken expectation throws a {@link ConformanceFailure}.
 */
public final class TcpProbe implements AutoCloseable {

    /** The longest line a probe will buffer: a peer that never sends LF cannot exhaust the grader. */
    private static final int MAX_LINE = 1 << 20;
    /**
     * The most line bytes one connection may deliver: a script that keeps every line it reads (a fake server's) stays
     * bounded against a peer that sends lines without end. No protocol here comes near it.
     */
    private static final long MAX_LINE_BYTES = 16L << 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Transcript transcript;
    private final String channel;
    private final Timeouts timeouts;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean endOfStream;
    private long lineBytes;

    /** Wraps a connected socket (a fake server's accepted one, say). */
    public TcpProbe(Socket socket, Transcript transcript, String channel, Timeouts timeouts) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.transcript = transcript;
        this.channel = channel;
        this.timeouts = timeouts;
        socket.setTcpNoDelay(true);
    }

    /** Connects to a server under test; a refusal is the server's failure. */
    public static TcpProbe connect(String host, int port, Transcript transcript, Timeouts timeouts) {
        String channel = transcript.newChannel("tcp");
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeouts.seconds(5).toMillis());
            transcript.note(channel, "connected to " + host + ":" + port);
            return new TcpProbe(socket, transcript, channel, timeouts);
        } catch (IOException e) {
            closeQuietly(socket);
            transcript.note(channel, "connect to " + host + ":" + port + " failed: " + e.getMessage());
            throw new ConformanceFailure(io.socketlab.grader.model.FailureKind.CLOSED_UNEXPECTEDLY,
                    Text.of("connecting to the server", "conectando con el servidor"),
                    "a connection accepted on port " + port,
                    Text.of("connection failed: " + e.getMessage(), "la conexión falló: " + e.getMessage()), null);
        }
    }

    public Socket socket() {
        return socket;
    }

    /** The default time a peer has to answer. */
    public Duration replyTimeout() {
        return timeouts.seconds(5);
    }

    // ---- sending ----

    public TcpProbe send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        transcript.sent(channel, bytes, 0, bytes.length);
        return this;
    }

    public TcpProbe send(String text) throws IOException {
        return send(Bytes.utf8(text));
    }

    /** Sends {@code line} followed by LF. */
    public TcpProbe sendLine(String line) throws IOException {
        return send(line + "\n");
    }

    /**
     * Sends the bytes in slices of {@code sliceSize}, each its own TCP segment (Nagle is off), pausing between
     * them: a peer that assumes one read is one message breaks here. The pause is deliberate, not a wait.
     */
    public TcpProbe sendSliced(byte[] bytes, int sliceSize, Duration pause) throws IOException {
        for (int from = 0; from < bytes.length; from += sliceSize) {
            int length = Math.min(sliceSize, bytes.length - from);
            out.write(bytes, from, length);
            out.flush();
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while sending slices", e);
            }
        }
        transcript.sent(channel, bytes, 0, bytes.length);
        transcript.note(channel, "(sent in " + ((bytes.length + sliceSize - 1) / sliceSize) + " segments of "
                + sliceSize + " byte" + (sliceSize == 1 ? "" : "s") + ")");
        return this;
    }

    /** Half-closes: the peer reads end of stream, and may still send. */
    public TcpProbe shutdownOutput() throws IOException {
        socket.shutdownOutput();
        transcript.note(channel, "half-closed (shutdown of output)");
        return this;
    }

    /** Closes with a TCP reset instead of an orderly FIN: an abrupt disconnect. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Closing below is what matters.
        }
        closeQuietly(socket);
        transcript.note(channel, "closed abruptly (TCP reset)");
    }

    // ---- receiving ----

    /** Reads one line (without LF; a trailing CR is dropped) within the reply timeout. */
    public String readLine(Text step) throws IOException {
        return readLine(step, replyTimeout());
    }

    public String readLine(Text step, Duration within) throws IOException {
        byte[] raw = readRawLine(step, within);
        int end = raw.length - 1;
        if (end > 0 && raw[end - 1] == '\r') {
            end--;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * Like {@link #readLine}, but returns null when the peer closes (or resets) before sending any byte: for
     * protocols where closing instead of answering is allowed.
     */
    public String readLineOrClose(Text step, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        if (position == limit && !fill(deadline)) {
            if (endOfStream) {
                transcript.note(channel, "closed by the peer");
                return null;
            }
            throw ConformanceFailure.timeout(step, "a line ending in \\n, or a close", within);
        }
        return readLine(step, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }

    /** Reads one line as raw bytes, its LF and any CR included, within {@code within}: line endings made visible. */
    public byte[] readRawLine(Text step, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (position == limit && !fill(deadline)) {
                if (endOfStream) {
                    recordReceived(line.toByteArray());
                    throw line.size() == 0
                            ? ConformanceFailure.closed(step, "a line ending in \\n")
                            : ConformanceFailure.closed(step, "a line ending in \\n", Bytes.render(line.toByteArray()));
                }
                recordReceived(line.toByteArray());
                throw line.size() == 0
                        ? ConformanceFailure.timeout(step, "a line ending in \\n", within)
                        : ConformanceFailure.wrongOutput(step, "a line ending in \\n",
                        Text.of(Bytes.render(line.toByteArray()) + " without \\n within " + seconds(within),
                                Bytes.render(line.toByteArray()) + " sin \\n en " + seconds(within)));
            }
            byte b = buffer[position++];
            line.write(b);
            if (b == '\n') {
                byte[] raw = line.toByteArray();
                recordReceived(raw);
                lineBytes += raw.length;
                if (lineBytes > MAX_LINE_BYTES) {
                    throw ConformanceFailure.wrongOutput(step, "a line ending in \\n", Text.of(
                            "more than " + (MAX_LINE_BYTES >> 20) + " MiB of lines on one connection",
                            "más de " + (MAX_LINE_BYTES >> 20) + " MiB de líneas en una conexión"));
                }
                return raw;
            }
            if (line.size() > MAX_LINE) {
                recordReceived(line.toByteArray());
                throw ConformanceFailure.wrongOutput(step, "a line ending in \\n",
                        Text.of("more than " + MAX_LINE + " bytes without \\n", "más de " + MAX_LINE + " bytes sin \\n"));
            }
        }
    }

    /** Reads a line and checks it is exactly {@code expected}. */
    public void expectLine(Text step, String expected) throws IOException {
        expectLine(step, expected, replyTimeout());
    }

    /** Reads a line within {@code within} and checks it is exactly {@code expected}. */
    public void expectLine(Text step, String expected, Duration within) throws IOException {
        String line = readLine(step, within);
        if (!line.equals(expected)) {
            throw ConformanceFailure.wrongOutput(step, Bytes.quote(expected), Bytes.quote(line));
        }
    }

    /**
     * Expects that no line arrives for {@code quiet}: the peer must still be waiting ({@code why} says for what).
     * A line is a WRONG_OUTPUT failure; a close is CLOSED_UNEXPECTEDLY, as for any read.
     */
    public void expectNoLine(Text step, String why, Duration quiet) throws IOException {
        try {
            String line = readLine(step, quiet);
            throw ConformanceFailure.wrongOutput(step, "nothing yet (" + why + ")", Bytes.quote(line));
        } catch (ConformanceFailure failure) {
            if (failure.kind() != io.socketlab.grader.model.FailureKind.TIMEOUT) {
                throw failure;
            }
        }
    }

    /** Reads a line and checks it matches {@code pattern} (described for the student as {@code description}). */
    public String expectLineMatching(Text step, Pattern pattern, String description) throws IOException {
        String line = readLine(step);
        if (!pattern.matcher(line).matches()) {
            throw ConformanceFailure.wrongOutput(step, description, Bytes.quote(line));
        }
        return line;
    }

    /** Reads exactly {@code count} bytes within {@code within}. */
    public byte[] readExactly(int count, Text step, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        byte[] result = new byte[count];
        int filled = 0;
        while (filled < count) {
            if (position == limit && !fill(deadline)) {
                if (filled > 0) {
                    transcript.received(channel, result, 0, filled);
                }
                String expected = count + " bytes";
                String soFar = filled + " bytes";
                throw endOfStream
                        ? ConformanceFailure.closed(step, expected, soFar)
                        : ConformanceFailure.wrongOutput(step, expected,
                        Text.of("only " + soFar + " within " + seconds(within), "solo " + soFar + " en " + seconds(within)));
            }
            int n = Math.min(count - filled, limit - position);
            System.arraycopy(buffer, position, result, filled, n);
            position += n;
            filled += n;
        }
        transcript.received(channel, result, 0, count);
        return result;
    }

    /** Reads until the peer closes, at most {@code max} bytes, within {@code within}. */
    public byte[] readUntilClosed(int max, Text step, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            if (position == limit && !fill(deadline)) {
                byte[] got = all.toByteArray();
                recordReceived(got);
                if (endOfStream) {
                    transcript.note(channel, "closed by the peer");
                    return got;
                }
                throw ConformanceFailure.timeout(step, "the connection closed after " + got.length + " bytes", within);
            }
            int n = limit - position;
            if (all.size() + n > max) {
                throw ConformanceFailure.wrongOutput(step, "at most " + max + " bytes, then a close",
                        Text.of("more than " + max + " bytes", "más de " + max + " bytes"));
            }
            all.write(buffer, position, n);
            position = limit;
        }
    }

    /** Expects the peer to close (FIN or reset) within {@code within}, with nothing more sent first. */
    public void expectClosed(Text step, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        if (position < limit || fill(deadline)) {
            byte[] extra = java.util.Arrays.copyOfRange(buffer, position, limit);
            transcript.received(channel, extra, 0, extra.length);
            throw ConformanceFailure.wrongOutput(step, "the connection closed", Text.of(
                    "more data: " + Bytes.render(extra), "más datos: " + Bytes.render(extra)));
        }
        if (!endOfStream) {
            throw ConformanceFailure.timeout(step, "the connection closed", within);
        }
        transcript.note(channel, "closed by the peer");
    }

    /**
     * The rest of the incoming stream, starting with whatever the probe has already buffered, for tests that stream
     * bodies too large for the transcript (their reads use the socket's own timeout).
     */
    public InputStream bufferedRest() {
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

    /**
     * Refills the buffer, waiting until {@code deadlineNanos}.
     *
     * @return false at end of stream (also after a reset) or at the deadline
     */
    private boolean fill(long deadlineNanos) throws IOException {
        if (endOfStream) {
            return false;
        }
        long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (leftMillis <= 0) {
            return false;
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, leftMillis)));
        try {
            int n = in.read(buffer);
            if (n < 0) {
                endOfStream = true;
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            // A reset is the peer closing, abruptly: treated as the end of the stream.
            endOfStream = true;
            transcript.note(channel, "connection reset by the peer");
            return false;
        }
    }

    private void recordReceived(byte[] bytes) {
        if (bytes.length > 0) {
            transcript.received(channel, bytes, 0, bytes.length);
        }
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Nothing useful to do: the peer has what it needs.
        }
    }
}
