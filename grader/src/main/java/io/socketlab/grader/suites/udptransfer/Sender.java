package io.socketlab.grader.suites.udptransfer;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.DatagramProbe;
import io.socketlab.grader.suites.udptransfer.Datagrams.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The grader as a udp-transfer client, one exchange at a time: each request waits (bounded) for its own reply,
 * sent again a few times since UDP may lose either; datagrams that answer something else are skipped but shown
 * when the wanted reply never comes.
 */
public final class Sender {

    private static final int ATTEMPTS = 3;

    private final DatagramProbe probe;
    private final Timeouts timeouts;

    public Sender(DatagramProbe probe, Timeouts timeouts) {
        this.probe = probe;
        this.timeouts = timeouts;
    }

    public DatagramProbe probe() {
        return probe;
    }

    /** START until START-ACK for {@code tid}; an ERROR for it fails at once. */
    public void start(int tid, String name, long size) throws IOException {
        start(tid, Datagrams.start(tid, size, name), Text.same("START tid=" + Integer.toUnsignedString(tid) + " "
                + Bytes.quote(name)));
    }

    void start(int tid, byte[] start, Text what) throws IOException {
        Text expected = Text.same("START-ACK tid=" + Integer.toUnsignedString(tid));
        Message reply = exchange(start, replyTo(what), expected,
                m -> (m.type() == Datagrams.START_ACK || m.type() == Datagrams.ERROR) && m.tid() == tid);
        if (reply.type() == Datagrams.ERROR) {
            throw ConformanceFailure.wrongOutput(replyTo(what), expected,
                    Datagrams.describe(Datagrams.error(tid, reply.status())));
        }
    }

    /** The step of waiting for the answer to {@code request}. */
    static Text replyTo(Text request) {
        return Text.format("the reply to %s", "la respuesta a %s", request);
    }

    /** START and the answer to it, START-ACK or ERROR. */
    Message startAnswer(int tid, byte[] start, Text what) throws IOException {
        return exchange(start, replyTo(what),
                Text.format("START-ACK or ERROR for tid=%s", "START-ACK o ERROR para tid=%s", Integer.toUnsignedString(tid)),
                m -> (m.type() == Datagrams.START_ACK || m.type() == Datagrams.ERROR) && m.tid() == tid);
    }

    /** DATA until its ACK. */
    void chunk(int tid, byte[] content, long seq) throws IOException {
        byte[] data = Datagrams.data(tid, seq, Datagrams.chunk(content, seq));
        exchange(data, Text.of("the ACK of DATA seq " + seq, "el ACK de DATA seq " + seq),
                Text.same("ACK tid=" + Integer.toUnsignedString(tid) + " seq=" + seq),
                m -> m.type() == Datagrams.ACK && m.tid() == tid && m.seq() == seq);
    }

    public void chunks(int tid, byte[] content) throws IOException {
        for (long seq = 0; seq < Datagrams.chunks(content.length); seq++) {
            chunk(tid, content, seq);
        }
    }

    /** END until DONE; returns the status. */
    int end(int tid, byte[] sha256) throws IOException {
        return exchange(Datagrams.end(tid, sha256), Text.of("the reply to END", "la respuesta a END"),
                Text.same("DONE tid=" + Integer.toUnsignedString(tid)),
                m -> m.type() == Datagrams.DONE && m.tid() == tid).status();
    }

    /** A whole transfer without loss; fails unless DONE says 0 (stored). */
    void transfer(int tid, String name, byte[] content) throws IOException {
        start(tid, name, content.length);
        chunks(tid, content);
        expectDone(tid, Datagrams.sha256(content), 0);
    }

    void expectDone(int tid, byte[] sha256, int status) throws IOException {
        int actual = end(tid, sha256);
        if (actual != status) {
            throw ConformanceFailure.wrongOutput(Text.of("the reply to END", "la respuesta a END"),
                    Text.same("DONE status=" + status), Text.same("DONE status=" + actual));
        }
    }

    /**
     * Sends {@code request} (again, up to {@link #ATTEMPTS} times) until a reply that {@code wanted} accepts comes.
     */
    Message exchange(byte[] request, Text step, Text expected, Predicate<Message> wanted) throws IOException {
        List<byte[]> others = new ArrayList<>();
        Duration wait = timeouts.seconds(1);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            probe.send(request);
            long deadline = System.nanoTime() + wait.toNanos();
            for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Optional<byte[]> reply = probe.receive(Duration.ofNanos(left));
                if (reply.isEmpty()) {
                    break;
                }
                Optional<Message> message = Datagrams.decode(reply.get());
                if (message.isPresent() && wanted.test(message.get())) {
                    return message.get();
                }
                others.add(reply.get());
            }
        }
        throw noReply(step, expected, others, wait.multipliedBy(ATTEMPTS));
    }

    /** Fails if any datagram arrives within {@code within}; {@code why} says why none may. */
    void expectSilence(Text step, Text why, Duration within) throws IOException {
        Optional<byte[]> reply = probe.receive(within);
        if (reply.isPresent()) {
            throw ConformanceFailure.wrongOutput(step, Text.format("no reply (%s)", "ninguna respuesta (%s)", why),
                    Datagrams.describe(reply.get()));
        }
    }

    /**
     * Sends {@code probeRequest}, which must be answered by {@code wanted}, and fails if anything else arrives
     * first: the replies to what was sent just before (datagrams the server must ignore) come before this answer.
     */
    public void expectNothingBefore(byte[] probeRequest, Text step, Text expected, Predicate<Message> wanted)
            throws IOException {
        probe.send(probeRequest);
        Duration wait = timeouts.seconds(2);
        Optional<byte[]> reply = probe.receive(wait);
        if (reply.isEmpty()) {
            throw noReply(step, expected, List.of(), wait);
        }
        Optional<Message> message = Datagrams.decode(reply.get());
        if (message.isEmpty() || !wanted.test(message.get())) {
            throw ConformanceFailure.wrongOutput(step, Text.format("no reply to the datagrams to ignore, then %s",
                            "ninguna respuesta a los datagramas que hay que ignorar, y después %s", expected),
                    Text.format("first %s", "primero %s", Datagrams.describe(reply.get())));
        }
    }

    private static ConformanceFailure noReply(Text step, Text expected, List<byte[]> others, Duration waited) {
        if (others.isEmpty()) {
            return ConformanceFailure.timeout(step, expected.plus(Text.format(" (request sent %d times)",
                    " (petición enviada %d veces)", ATTEMPTS)), waited);
        }
        Text seen = others.stream().limit(5).map(Datagrams::describe).reduce((a, b) -> a.plus(Text.same("; ")).plus(b))
                .orElse(Text.EMPTY).plus(others.size() > 5
                        ? Text.format("; ... (%d datagrams)", "; ... (%d datagramas)", others.size()) : Text.EMPTY);
        String seconds = ConformanceFailure.seconds(waited);
        return ConformanceFailure.wrongOutput(step, expected, Text.format("in %s only: %s", "en %s solo: %s", seconds, seen));
    }
}
