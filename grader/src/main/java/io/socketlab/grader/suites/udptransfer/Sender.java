package io.socketlab.grader.suites.udptransfer;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.probe.DatagramProbe;
import io.socketlab.grader.suites.udptransfer.Datagrams.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The grader as a udp-transfer client, one exchange at a time: each request waits (bounded) for its own reply,
 * sent again a few times since UDP may lose either; datagrams that answer something else are skipped but shown
 * when the wanted reply never comes.
 */
final class Sender {

    private static final int ATTEMPTS = 3;

    private final DatagramProbe probe;
    private final Timeouts timeouts;

    Sender(DatagramProbe probe, Timeouts timeouts) {
        this.probe = probe;
        this.timeouts = timeouts;
    }

    DatagramProbe probe() {
        return probe;
    }

    /** START until START-ACK for {@code tid}; an ERROR for it fails at once. */
    void start(int tid, String name, long size) throws IOException {
        start(tid, Datagrams.start(tid, size, name), "START " + Integer.toUnsignedString(tid) + " \"" + name + "\"");
    }

    void start(int tid, byte[] start, String what) throws IOException {
        Message reply = exchange(start, Text.of("the reply to " + what, "la respuesta a " + what),
                "START-ACK tid=" + Integer.toUnsignedString(tid),
                m -> (m.type() == Datagrams.START_ACK || m.type() == Datagrams.ERROR) && m.tid() == tid);
        if (reply.type() == Datagrams.ERROR) {
            throw ConformanceFailure.wrongOutput(Text.of("the reply to " + what, "la respuesta a " + what),
                    "START-ACK tid=" + Integer.toUnsignedString(tid),
                    "ERROR code " + reply.status());
        }
    }

    /** START and the answer to it, START-ACK or ERROR. */
    Message startAnswer(int tid, byte[] start, String what) throws IOException {
        return exchange(start, Text.of("the reply to " + what, "la respuesta a " + what),
                "START-ACK or ERROR for tid=" + Integer.toUnsignedString(tid),
                m -> (m.type() == Datagrams.START_ACK || m.type() == Datagrams.ERROR) && m.tid() == tid);
    }

    /** DATA until its ACK. */
    void chunk(int tid, byte[] content, long seq) throws IOException {
        byte[] data = Datagrams.data(tid, seq, Datagrams.chunk(content, seq));
        exchange(data, Text.of("the ACK of DATA seq " + seq, "el ACK de DATA seq " + seq),
                "ACK tid=" + Integer.toUnsignedString(tid) + " seq=" + seq,
                m -> m.type() == Datagrams.ACK && m.tid() == tid && m.seq() == seq);
    }

    void chunks(int tid, byte[] content) throws IOException {
        for (long seq = 0; seq < Datagrams.chunks(content.length); seq++) {
            chunk(tid, content, seq);
        }
    }

    /** END until DONE; returns the status. */
    int end(int tid, byte[] sha256) throws IOException {
        return exchange(Datagrams.end(tid, sha256), Text.of("the reply to END", "la respuesta a END"),
                "DONE tid=" + Integer.toUnsignedString(tid),
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
                    "DONE status " + status, "DONE status " + actual);
        }
    }

    /**
     * Sends {@code request} (again, up to {@link #ATTEMPTS} times) until a reply that {@code wanted} accepts comes.
     */
    Message exchange(byte[] request, Text step, String expected, Predicate<Message> wanted) throws IOException {
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

    /** Fails if any datagram arrives within {@code within}. */
    void expectSilence(Text step, String why, Duration within) throws IOException {
        Optional<byte[]> reply = probe.receive(within);
        if (reply.isPresent()) {
            throw ConformanceFailure.wrongOutput(step, "no reply (" + why + ")", Datagrams.describe(reply.get()));
        }
    }

    /**
     * Sends {@code probeRequest}, which must be answered by {@code wanted}, and fails if anything else arrives
     * first: the replies to what was sent just before (datagrams the server must ignore) come before this answer.
     */
    void expectNothingBefore(byte[] probeRequest, Text step, String expected, Predicate<Message> wanted)
            throws IOException {
        probe.send(probeRequest);
        Duration wait = timeouts.seconds(2);
        Optional<byte[]> reply = probe.receive(wait);
        if (reply.isEmpty()) {
            throw noReply(step, expected, List.of(), wait);
        }
        Optional<Message> message = Datagrams.decode(reply.get());
        if (message.isEmpty() || !wanted.test(message.get())) {
            throw ConformanceFailure.wrongOutput(step, "no reply to the datagrams to ignore, then " + expected,
                    Text.of("first " + Datagrams.describe(reply.get()), "primero " + Datagrams.describe(reply.get())));
        }
    }

    private static ConformanceFailure noReply(Text step, String expected, List<byte[]> others, Duration waited) {
        String seconds = String.format(Locale.ROOT, "%.1f s", waited.toMillis() / 1000.0);
        if (others.isEmpty()) {
            return ConformanceFailure.timeout(step, expected + " (request sent " + ATTEMPTS + " times)", waited);
        }
        String seen = others.stream().limit(5).map(Datagrams::describe).collect(Collectors.joining("; "))
                + (others.size() > 5 ? "; ... (" + others.size() + " datagrams)" : "");
        return new ConformanceFailure(FailureKind.WRONG_OUTPUT, step, expected,
                Text.of("in " + seconds + " only: " + seen, "en " + seconds + " solo: " + seen), null);
    }
}
