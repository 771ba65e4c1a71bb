package io.socketlab.grader.probe;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.probe.Facts.Peer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * One TCP connection driven by a test, as lines, bytes or long streams: the grader's client of a server under test,
 * or the grader's side of a fake server a client under test connected to. Every read is bounded by a deadline; every
 * byte sent and consumed goes into the test's transcript; a broken expectation throws a {@link ConformanceFailure}
 * whose facts, in English and Spanish, come from the language.
 *
 * <p>Argument order is the same everywhere: the step first (when the test names it), then what is sent or expected,
 * then the time allowed. Without a step, the probe names it from the conversation: "the server's reply to
 * "hello\n"". Sending and expecting return the probe, so an exchange reads as one sentence:
 * {@code probe.sendLine("hello").expectLine("RECEIVED 5")}.
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
    private final Inbound inbound;
    private final OutputStream out;
    private final Transcript transcript;
    private final String channel;
    private final Timeouts timeouts;
    private final Peer peer;
    private boolean lfOnly;
    private Slicing slicing = Slicing.WHOLE;
    /** What the last send was, as a step names it; null before the first send. */
    private Text lastSent;
    private long lineBytes;

    /** Wraps a connection a client under test opened to a fake server. */
    public TcpProbe(Socket socket, Transcript transcript, String channel, Timeouts timeouts) throws IOException {
        this(socket, transcript, channel, timeouts, Peer.CLIENT);
    }

    private TcpProbe(Socket socket, Transcript transcript, String channel, Timeouts timeouts, Peer peer)
            throws IOException {
        this.socket = socket;
        this.inbound = new Inbound(socket, transcript, channel);
        this.out = socket.getOutputStream();
        this.transcript = transcript;
        this.channel = channel;
        this.timeouts = timeouts;
        this.peer = peer;
        socket.setTcpNoDelay(true);
    }

    /** Connects to a server under test; a refusal is the server's failure. */
    public static TcpProbe connect(String host, int port, Transcript transcript, Timeouts timeouts) {
        String channel = transcript.newChannel("tcp");
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeouts.seconds(5).toMillis());
            transcript.note(channel, Text.format("connected to %s:%d", "conectado a %s:%d", host, port));
            return new TcpProbe(socket, transcript, channel, timeouts, Peer.SERVER);
        } catch (IOException e) {
            ProbeSupport.closeQuietly(socket);
            transcript.note(channel, Text.format("connect to %s:%d failed: %s", "la conexión a %s:%d falló: %s",
                    host, port, e.getMessage()));
            throw new ConformanceFailure(FailureKind.CLOSED_UNEXPECTEDLY, Facts.connecting(), Facts.aConnectionOn(port),
                    Facts.connectionFailed(e.getMessage()), null);
        }
    }

    // ---- settings ----

    /**
     * From now on, a line the peer ends with CR LF is a failure: for protocols whose senders end lines with LF only.
     * Without it a receiver's leniency applies and one CR before the LF is dropped.
     */
    public TcpProbe lfOnly() {
        this.lfOnly = true;
        return this;
    }

    /** From now on, every send is cut this way (a fake server that writes in pieces, say). */
    public TcpProbe slicing(Slicing everySend) {
        this.slicing = everySend;
        return this;
    }

    /**
     * From now on, this side buffers at most about {@code bytes} received and not yet read, and the kernel no longer
     * grows that buffer as it is read (no autotuning): what a fast peer sends beyond it waits on the peer's side. A
     * reader that pauses then makes a server's own queue for it grow, as a slow client on a slow network would.
     */
    public TcpProbe fixedReceiveBuffer(int bytes) throws IOException {
        socket.setReceiveBufferSize(bytes);
        transcript.note(channel, Text.format("receive buffer fixed at %d bytes", "búfer de recepción fijado en %d bytes",
                bytes));
        return this;
    }

    /**
     * The raw socket: an escape for what the language cannot say yet. Prefer adding the missing verb here, once, to
     * reaching for the socket in a suite.
     */
    public Socket socket() {
        return socket;
    }

    /** The default time a peer has to answer. */
    public Duration replyTimeout() {
        return timeouts.seconds(5);
    }

    // ---- sending ----

    public TcpProbe send(byte[] bytes) throws IOException {
        return send(bytes, slicing);
    }

    /** Sends the bytes cut as {@code slices} says, this once. */
    public TcpProbe send(byte[] bytes, Slicing slices) throws IOException {
        boolean first = true;
        for (int[] piece : slices.cut(bytes.length)) {
            if (!first) {
                ProbeSupport.pause(slices.pause());
            }
            out.write(bytes, piece[0], piece[1]);
            out.flush();
            first = false;
        }
        transcript.sent(channel, bytes, 0, bytes.length);
        Text how = slices.describe(bytes.length);
        if (how != null) {
            transcript.note(channel, how);
        }
        lastSent = Facts.sent(bytes);
        return this;
    }

    public TcpProbe send(String text) throws IOException {
        return send(Bytes.utf8(text));
    }

    /** Sends {@code line} followed by LF. */
    public TcpProbe sendLine(String line) throws IOException {
        return send(line + "\n");
    }

    /** Sends the bytes in pieces of {@code sliceSize}, pausing between them: {@code send(bytes, Slicing.pieces(n))}. */
    public TcpProbe sendSliced(byte[] bytes, int sliceSize, Duration pause) throws IOException {
        return send(bytes, Slicing.pieces(sliceSize).pausing(pause));
    }

    /**
     * Starts sending {@code payload} from a second thread and returns at once, so the test can read while it is
     * sent (a peer that reads everything before answering, or answers without reading, would deadlock a test that
     * did one after the other). Nothing else may be sent on this probe until the upload has finished.
     */
    public Upload sendInBackground(Payload payload) {
        Upload started = new Upload(this, payload);
        inbound.onArrival(started::answerArrived);
        lastSent = payload.description();
        transcript.sentSummary(channel, Text.format("%s, sent by a second thread while reading",
                "%s, enviados por otro hilo mientras se lee", payload.description()));
        started.start();
        return started;
    }

    /** Half-closes: the peer reads end of stream, and may still send. */
    public TcpProbe shutdownOutput() throws IOException {
        socket.shutdownOutput();
        transcript.note(channel, Text.of("half-closed (shutdown of output)", "cierre de escritura (shutdown de la salida)"));
        return this;
    }

    /** Closes with a TCP reset instead of an orderly FIN: an abrupt disconnect. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Closing below is what matters.
        }
        ProbeSupport.closeQuietly(socket);
        transcript.note(channel, Text.of("closed abruptly (TCP reset)", "cerrado de golpe (reset de TCP)"));
    }

    // ---- lines ----

    /** Reads one line (without its LF) within the reply timeout. */
    public String readLine() throws IOException {
        return readLine(replyStep());
    }

    public String readLine(Text step) throws IOException {
        return readLine(step, replyTimeout());
    }

    /** Reads one line, without its LF and, unless {@link #lfOnly()}, without one CR before it. */
    public String readLine(Text step, Duration within) throws IOException {
        byte[] raw = readRawLine(step, within);
        int end = raw.length - 1;
        if (end > 0 && raw[end - 1] == '\r') {
            if (lfOnly) {
                throw ConformanceFailure.wrongOutput(step, Facts.aLineEndingInLfAlone(), Facts.bytes(raw));
            }
            end--;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * Like {@link #readLine}, but returns null when the peer closes (or resets) before sending any byte: for
     * protocols where closing instead of answering is allowed.
     */
    public String readLineOrClose(Text step, Duration within) throws IOException {
        long deadline = deadline(within);
        if (!inbound.await(deadline)) {
            if (inbound.ended()) {
                transcript.note(channel, closedByPeer());
                return null;
            }
            throw ConformanceFailure.timeout(step, Facts.aLineOrClose(), within);
        }
        return readLine(step, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }

    /**
     * A line that has already arrived, without waiting for one that has not: empty when nothing has come yet, a line
     * when one (or its beginning: the rest is then awaited as for {@link #readLine}) is there. For a test that watches
     * several connections in turn and must see what is missing, not only what comes. A close is a failure.
     */
    public Optional<String> readLineIfArrived(Text step) throws IOException {
        // Inbound waits at least a millisecond: the peer's bytes already in the socket are read, no others awaited.
        if (!inbound.await(System.nanoTime() + 2_000_000)) {
            if (inbound.ended()) {
                throw ConformanceFailure.closed(step, Facts.aLine());
            }
            return Optional.empty();
        }
        return Optional.of(readLine(step));
    }

    /** Reads one line as raw bytes, its LF and any CR included, within {@code within}: line endings made visible. */
    public byte[] readRawLine(Text step, Duration within) throws IOException {
        long deadline = deadline(within);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (!inbound.await(deadline)) {
                byte[] partial = line.toByteArray();
                recordReceived(partial);
                if (inbound.ended()) {
                    throw partial.length == 0 ? ConformanceFailure.closed(step, Facts.aLine())
                            : ConformanceFailure.closed(step, Facts.aLine(), Facts.bytes(partial));
                }
                throw partial.length == 0 ? ConformanceFailure.timeout(step, Facts.aLine(), within)
                        : ConformanceFailure.wrongOutput(step, Facts.aLine(), Facts.withoutLfWithin(partial, within));
            }
            int lf = inbound.indexOf((byte) '\n');
            line.writeBytes(inbound.take(lf >= 0 ? lf + 1 : inbound.buffered()));
            if (lf >= 0) {
                byte[] raw = line.toByteArray();
                recordReceived(raw);
                lineBytes += raw.length;
                if (lineBytes > MAX_LINE_BYTES) {
                    throw ConformanceFailure.wrongOutput(step, Facts.aLine(), Text.of(
                            "more than " + (MAX_LINE_BYTES >> 20) + " MiB of lines on one connection",
                            "más de " + (MAX_LINE_BYTES >> 20) + " MiB de líneas en una conexión"));
                }
                return raw;
            }
            if (line.size() > MAX_LINE) {
                recordReceived(line.toByteArray());
                throw ConformanceFailure.wrongOutput(step, Facts.aLine(), Facts.moreThanWithoutLf(MAX_LINE));
            }
        }
    }

    /** Reads a line and checks it is exactly {@code expected}; the step is named from the conversation. */
    public TcpProbe expectLine(String expected) throws IOException {
        return expectLine(replyStep(), expected);
    }

    public TcpProbe expectLine(Text step, String expected) throws IOException {
        return expectLine(step, expected, replyTimeout());
    }

    /** Reads a line within {@code within} and checks it is exactly {@code expected}. */
    public TcpProbe expectLine(Text step, String expected, Duration within) throws IOException {
        String line = readLine(step, within);
        if (!line.equals(expected)) {
            throw ConformanceFailure.wrongOutput(step, Facts.quoted(expected), Facts.quoted(line));
        }
        return this;
    }

    /** Reads a line and checks it has {@code shape}; returns it (a greeting's name, say). */
    public String expectLineLike(Line shape) throws IOException {
        Text step = replyStep();
        String line = readLine(step);
        if (!shape.matches(line)) {
            throw ConformanceFailure.wrongOutput(step, shape.description(), Facts.quoted(line));
        }
        return line;
    }

    /**
     * A line of {@code shape}, or the peer closing instead (empty): for answers where the contract lets the peer
     * choose, e.g. "RECEIVED 4", "ERR &lt;code&gt;" or a close.
     */
    public Optional<String> expectLineLikeOrClose(Line shape) throws IOException {
        Text step = replyStep();
        String line = readLineOrClose(step, replyTimeout());
        if (line != null && !shape.matches(line)) {
            throw ConformanceFailure.wrongOutput(step, shape.description().plus(Text.of(", or a close", ", o un cierre")),
                    Facts.quoted(line));
        }
        return Optional.ofNullable(line);
    }

    /**
     * Expects that no line arrives for {@code quiet}: the peer must still be waiting ({@code why} says for what).
     * A line is a WRONG_OUTPUT failure; a close is CLOSED_UNEXPECTEDLY, as for any read.
     */
    public TcpProbe expectNoLine(Text step, Text why, Duration quiet) throws IOException {
        try {
            String line = readLine(step, quiet);
            throw ConformanceFailure.wrongOutput(step, Facts.nothingYet(why), Facts.quoted(line));
        } catch (ConformanceFailure failure) {
            if (failure.kind() != FailureKind.TIMEOUT) {
                throw failure;
            }
        }
        return this;
    }

    // ---- bytes and closes ----

    /** Reads exactly {@code count} bytes within {@code within}. */
    public byte[] readExactly(Text step, int count, Duration within) throws IOException {
        long deadline = deadline(within);
        byte[] result = new byte[count];
        int filled = 0;
        while (filled < count) {
            if (!inbound.await(deadline)) {
                recordReceived(Arrays.copyOf(result, filled));
                Text expected = Facts.bytesCount(count);
                throw inbound.ended() ? ConformanceFailure.closed(step, expected, Facts.bytesCount(filled))
                        : ConformanceFailure.timeout(step, expected, Facts.onlyWithin(Facts.bytesCount(filled), within));
            }
            byte[] piece = inbound.take(Math.min(count - filled, inbound.buffered()));
            System.arraycopy(piece, 0, result, filled, piece.length);
            filled += piece.length;
        }
        transcript.received(channel, result, 0, count);
        return result;
    }

    /** Reads as many bytes as {@code expected} holds and checks they are the same; the step is named for the reply. */
    public TcpProbe expectBytes(byte[] expected) throws IOException {
        return expectBytes(replyStep(), expected);
    }

    public TcpProbe expectBytes(Text step, byte[] expected) throws IOException {
        return expectBytes(step, expected, replyTimeout());
    }

    public TcpProbe expectBytes(Text step, byte[] expected, Duration within) throws IOException {
        byte[] actual = readExactly(step, expected.length, within);
        if (!Arrays.equals(expected, actual)) {
            throw ConformanceFailure.integrity(step, Facts.bytes(expected), Bytes.describeDifference(expected, actual));
        }
        return this;
    }

    /** Reads until the peer closes (or half-closes), at most {@code max} bytes, within twice the reply timeout. */
    public byte[] readUntilClosed(int max) throws IOException {
        return readUntilClosed(Facts.closeAfter(peer, lastSent), max, replyTimeout().multipliedBy(2));
    }

    /** Reads until the peer closes, at most {@code max} bytes, within {@code within}. */
    public byte[] readUntilClosed(Text step, int max, Duration within) throws IOException {
        long deadline = deadline(within);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            if (!inbound.await(deadline)) {
                byte[] got = all.toByteArray();
                recordReceived(got);
                if (inbound.ended()) {
                    transcript.note(channel, closedByPeer());
                    return got;
                }
                throw ConformanceFailure.timeout(step, Facts.theConnectionClosed(),
                        Facts.onlyWithin(Facts.bytesCount(got.length), within));
            }
            if (all.size() + inbound.buffered() > max) {
                recordReceived(all.toByteArray());
                throw ConformanceFailure.wrongOutput(step, Facts.atMostThenClose(max), Facts.moreThan(max));
            }
            all.writeBytes(inbound.takeAll());
        }
    }

    /** Expects the peer to close (FIN or reset) within the reply timeout, with nothing more sent first. */
    public TcpProbe expectClosed() throws IOException {
        return expectClosed(Facts.closeAfter(peer, lastSent));
    }

    public TcpProbe expectClosed(Text step) throws IOException {
        return expectClosed(step, replyTimeout());
    }

    /** Expects the peer to close within {@code within}, sending nothing more first. */
    public TcpProbe expectClosed(Duration within) throws IOException {
        return expectClosed(Facts.closeAfter(peer, lastSent), within);
    }

    public TcpProbe expectClosed(Text step, Duration within) throws IOException {
        if (inbound.await(deadline(within))) {
            byte[] extra = inbound.takeAll();
            transcript.received(channel, extra, 0, extra.length);
            throw ConformanceFailure.wrongOutput(step, Facts.theConnectionClosed(), Facts.moreData(extra));
        }
        if (!inbound.ended()) {
            throw ConformanceFailure.timeout(step, Facts.theConnectionClosed(), within);
        }
        transcript.note(channel, closedByPeer());
        return this;
    }

    /**
     * Expects nothing more from the peer for {@code quiet}, all of it (a deliberate wait, such as a server holding a
     * connection open before it closes): a peer that sends anything fails; one that closes (or half-closes) its side
     * is fine, and the probe notes it and still waits the time out, so what the peer does meanwhile (exit, say)
     * happens before whatever the test does next.
     */
    public TcpProbe expectSilence(Duration quiet) throws IOException {
        Text step = Facts.silenceAfter(peer, lastSent, quiet);
        long deadline = deadline(quiet);
        if (inbound.await(deadline)) {
            byte[] extra = inbound.takeAll();
            transcript.received(channel, extra, 0, extra.length);
            throw ConformanceFailure.wrongOutput(step, Facts.nothingMore(), Facts.moreData(extra));
        }
        if (inbound.ended()) {
            transcript.note(channel, closedByPeer());
            ProbeSupport.pause(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return this;
    }

    /**
     * The rest of the incoming stream, starting with whatever the probe has already buffered, for tests that stream
     * bodies too large for the transcript (their reads use the socket's own timeout).
     */
    public InputStream bufferedRest() {
        return inbound.rest();
    }

    // ---- streams ----

    /** Expects {@code expected} back, read as fast as it comes, within a time that grows with its size. */
    public TcpProbe expectStream(Payload expected) throws IOException {
        return expectStream(expected, ReadPace.FAST);
    }

    public TcpProbe expectStream(Payload expected, ReadPace pace) throws IOException {
        return expectStream(replyStep(), expected, pace, streamTimeout(expected.size()));
    }

    /**
     * Reads {@code expected.size()} bytes at {@code pace}, comparing them with {@code expected} as they arrive (a
     * stream is never held whole), within {@code within}.
     */
    public TcpProbe expectStream(Text step, Payload expected, ReadPace pace, Duration within) throws IOException {
        long deadline = deadline(within);
        InputStream wanted = expected.open();
        byte[] want = new byte[pace.chunk()];
        long received = 0;
        while (received < expected.size()) {
            if (inbound.buffered() == 0) {
                ProbeSupport.pause(pace.pause());
            }
            if (!inbound.await(deadline, pace.chunk())) {
                Text soFar = Facts.ofTotal(received, expected.size());
                transcript.receivedSummary(channel, soFar);
                throw inbound.ended() ? ConformanceFailure.closed(step, Facts.unchanged(expected), soFar)
                        : ConformanceFailure.timeout(step, Facts.unchanged(expected), Facts.onlyWithin(soFar, within));
            }
            int n = (int) Math.min(Math.min(inbound.buffered(), want.length), expected.size() - received);
            wanted.readNBytes(want, 0, n);
            int mismatch = inbound.mismatch(want, n);
            if (mismatch >= 0) {
                long at = received + mismatch;
                transcript.receivedSummary(channel, Facts.ofTotal(at, expected.size()));
                int from = Math.max(0, mismatch - 8); // what came before this read is gone
                byte[] actualWindow = Arrays.copyOfRange(inbound.take(n), from, Math.min(n, from + 32));
                throw ConformanceFailure.integrity(step, Facts.unchanged(expected), Bytes.differenceAt(at,
                        expected.size(), expected.window(received + from, 32), actualWindow, mismatch - from,
                        received + n));
            }
            inbound.take(n);
            received += n;
        }
        transcript.receivedSummary(channel, Text.format("%s, as expected", "%s, como se esperaba",
                expected.description()));
        return this;
    }

    /**
     * A fake echo server's loop: sends back everything the peer sends, as it arrives (cut as {@link #slicing}
     * says), until the peer half-closes; returns how many bytes it echoed. A peer silent for the reply timeout
     * without half-closing fails.
     */
    public long echoUntilEndOfStream() throws IOException {
        long echoed = 0;
        while (true) {
            Duration idle = replyTimeout();
            if (!inbound.await(deadline(idle))) {
                if (inbound.ended()) {
                    transcript.receivedSummary(channel, Text.format("%d bytes, echoed as they came, then end of stream",
                            "%d bytes, devueltos según llegaban, y luego fin del flujo", echoed));
                    return echoed;
                }
                throw ConformanceFailure.timeout(Facts.replyTo(peer, Facts.bytesCount(echoed)),
                        Facts.moreDataOrHalfClose(), idle);
            }
            byte[] chunk = inbound.takeAll();
            for (int[] piece : slicing.cut(chunk.length)) {
                out.write(chunk, piece[0], piece[1]);
                out.flush();
                ProbeSupport.pause(slicing.pause());
            }
            echoed += chunk.length;
        }
    }

    // ---- internals ----

    /** The step a read is named by when the test does not name it: what it answers. */
    private Text replyStep() {
        return lastSent == null ? Facts.firstFrom(peer) : Facts.replyTo(peer, lastSent);
    }

    Peer peer() {
        return peer;
    }

    Timeouts timeouts() {
        return timeouts;
    }

    OutputStream output() {
        return out;
    }

    boolean anythingArrived() {
        return inbound.anythingArrived();
    }

    private Duration streamTimeout(long size) {
        return timeouts.seconds(10 + size / (1 << 20));
    }

    private static long deadline(Duration within) {
        return System.nanoTime() + within.toNanos();
    }

    private void recordReceived(byte[] bytes) {
        if (bytes.length > 0) {
            transcript.received(channel, bytes, 0, bytes.length);
        }
    }

    private static Text closedByPeer() {
        return Text.of("closed by the peer", "cerrada por el otro lado");
    }

    @Override
    public void close() {
        ProbeSupport.closeQuietly(socket);
    }
}
