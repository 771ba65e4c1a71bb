package io.socketlab.grader.probe;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A scripted UDP peer for a client under test: it decides, datagram by datagram, what to answer, when, and how often:
 * at once, late (after the client has given up on that attempt), twice, or not at all.
 */
public final class FakeUdpServer implements AutoCloseable {

    /** The answer to the {@code index}-th datagram received (0-based), or empty to drop it. */
    @FunctionalInterface
    public interface Responder {
        Optional<byte[]> answer(int index, byte[] payload);

        /** A sink for one-way streams: never answers, and says nothing about it in the transcript. */
        Responder SILENT = (index, payload) -> Optional.empty();

        /** An echo server that never loses anything. */
        static Responder echo() {
            return (index, payload) -> Optional.of(payload);
        }
    }

    /** One datagram to send back, {@code after} a deliberate delay (zero: at once). */
    public record Reply(byte[] payload, Duration after) {

        public static Reply now(byte[] payload) {
            return new Reply(payload, Duration.ZERO);
        }

        public static Reply later(byte[] payload, Duration after) {
            return new Reply(payload, after);
        }
    }

    /** The replies to the {@code index}-th datagram received (0-based): none drops it. */
    @FunctionalInterface
    public interface Script {
        List<Reply> replies(int index, byte[] payload);
    }

    private final DatagramSocket socket;
    private final Thread receiver;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "socketlab-fake-udp-later");
        thread.setDaemon(true);
        return thread;
    });
    private final List<byte[]> received = new ArrayList<>();
    private final List<Long> receivedAtNanos = new ArrayList<>();
    private final Transcript transcript;
    private final String channel;

    private FakeUdpServer(DatagramSocket socket, Script script, boolean silent, Transcript transcript) {
        this.socket = socket;
        this.transcript = transcript;
        this.channel = transcript.newChannel("fake-udp");
        this.receiver = new Thread(() -> serve(script, silent), "socketlab-fake-udp");
        receiver.setDaemon(true);
        receiver.start();
    }

    public static FakeUdpServer start(Transcript transcript, Responder responder) throws IOException {
        Script script = (index, payload) -> responder.answer(index, payload).map(Reply::now).stream().toList();
        return new FakeUdpServer(bind(), script, responder == Responder.SILENT, transcript);
    }

    /** A fake that answers as {@code script} says (a distinct name: a lambda could not tell it from a Responder). */
    public static FakeUdpServer scripted(Transcript transcript, Script script) throws IOException {
        return new FakeUdpServer(bind(), script, false, transcript);
    }

    private static DatagramSocket bind() throws IOException {
        return new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Every datagram received so far, in order. */
    public synchronized List<byte[]> received() {
        return List.copyOf(received);
    }

    /** How many of the datagrams received so far were exactly {@code payload}. */
    public synchronized long timesReceived(byte[] payload) {
        return received.stream().filter(datagram -> Arrays.equals(datagram, payload)).count();
    }

    /** Fails unless the datagrams received so far are exactly these payloads (UTF-8), in this order. */
    public FakeUdpServer expectReceived(List<String> payloads) {
        List<String> actual = received().stream().map(d -> Bytes.quote(new String(d, StandardCharsets.UTF_8))).toList();
        List<String> expected = payloads.stream().map(Bytes::quote).toList();
        if (!actual.equals(expected)) {
            throw ConformanceFailure.wrongOutput(Text.of("the datagrams the client sent",
                    "los datagramas que envió el cliente"), Text.same(expected.toString()), Text.same(actual.toString()));
        }
        return this;
    }

    /** Fails unless {@code payload} was received between {@code least} and {@code most} times. */
    public FakeUdpServer expectSendsOf(byte[] payload, int least, int most) {
        long times = timesReceived(payload);
        if (times < least || times > most) {
            throw ConformanceFailure.wrongOutput(Text.format("how often the client sent %s",
                    "cuántas veces envió el cliente %s", Bytes.render(payload)),
                    least == most ? Text.format("%d sends", "%d envíos", least)
                            : Text.format("between %d and %d sends", "entre %d y %d envíos", least, most),
                    Text.format("%d sends", "%d envíos", times));
        }
        return this;
    }

    /** When each datagram of {@link #received()} arrived, in {@link System#nanoTime()} units. */
    public synchronized List<Long> receivedAtNanos() {
        return List.copyOf(receivedAtNanos);
    }

    private void serve(Script script, boolean silent) {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] payload = Arrays.copyOf(packet.getData(), packet.getLength());
                int index;
                synchronized (this) {
                    index = received.size();
                    received.add(payload);
                    receivedAtNanos.add(System.nanoTime());
                }
                transcript.received(channel, payload, 0, payload.length);
                List<Reply> replies = script.replies(index, payload);
                if (replies.isEmpty() && !silent) {
                    transcript.note(channel, Text.format("(dropped datagram %d on purpose)",
                            "(datagrama %d descartado a propósito)", index + 1));
                }
                for (Reply reply : replies) {
                    answer(reply, packet.getSocketAddress(), index);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Reply reply, SocketAddress to, int index) throws IOException {
        if (reply.after().isZero()) {
            send(reply.payload(), to);
            return;
        }
        transcript.note(channel, Text.format("(will answer datagram %d after %d ms, on purpose)",
                "(responderá al datagrama %d dentro de %d ms, a propósito)", index + 1, reply.after().toMillis()));
        later.schedule(() -> {
            try {
                send(reply.payload(), to);
            } catch (IOException e) {
                // Closed at the end of the test: the late answer is not needed any more.
            }
        }, reply.after().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void send(byte[] payload, SocketAddress to) throws IOException {
        socket.send(new DatagramPacket(payload, payload.length, to));
        transcript.sent(channel, payload, 0, payload.length);
    }

    @Override
    public void close() {
        socket.close();
        receiver.interrupt();
        later.shutdownNow();
    }
}
