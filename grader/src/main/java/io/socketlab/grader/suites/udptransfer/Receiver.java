package io.socketlab.grader.suites.udptransfer;

import io.socketlab.grader.probe.FakeUdpServer;
import io.socketlab.grader.suites.udptransfer.Datagrams.Message;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The grader as a udp-transfer server for a client under test: a correct in-process server for one transfer, with
 * hooks to lose chosen requests on their way in (the server never sees them) or their replies on the way back, to
 * answer a lost DATA with a stale ACK of the chunk before it (a late duplicate), to refuse the START with an ERROR,
 * to answer DONE with status 1, or to stay silent.
 */
final class Receiver implements FakeUdpServer.Responder {

    /**
     * A request as the receiver saw it.
     *
     * @param occurrence how many times this request (same type, and same seq for DATA) has arrived, this one included
     * @param sinceFirst how long after the client's first datagram it arrived
     * @param lastSeq    the last chunk's seq, once a START told the size (-1 before, or for an empty file)
     */
    record Seen(Message message, int occurrence, Duration sinceFirst, long lastSeq) {

        boolean is(int type) {
            return message.type() == type;
        }
    }

    private Predicate<Seen> withhold = seen -> false;
    private Predicate<Seen> lose = seen -> false;
    private Predicate<Seen> staleAck = seen -> false;
    private int errorCode;
    private int doneStatus = -1;

    private final Map<String, Integer> occurrences = new HashMap<>();
    private final TreeMap<Long, byte[]> chunks = new TreeMap<>();
    private long firstNanos = -1;
    private Message start;
    private Integer done;

    /** Handles the requests the predicate accepts but loses their replies. */
    Receiver withholding(Predicate<Seen> predicate) {
        this.withhold = predicate;
        return this;
    }

    /** Loses the requests the predicate accepts before the server sees them: nothing stored, nothing answered. */
    Receiver losing(Predicate<Seen> predicate) {
        this.lose = predicate;
        return this;
    }

    /**
     * Loses the DATA the predicate accepts, and answers each with the ACK of the chunk before it instead, as a
     * late duplicate ACK (its DATA was sent twice) would arrive just then.
     */
    Receiver answeringWithStaleAck(Predicate<Seen> predicate) {
        this.staleAck = predicate;
        return this;
    }

    /** Answers every START with ERROR {@code code}. */
    Receiver refusingWith(int code) {
        this.errorCode = code;
        return this;
    }

    /** Answers a complete END with DONE {@code status}, whatever the digest. */
    Receiver doneWith(int status) {
        this.doneStatus = status;
        return this;
    }

    @Override
    public synchronized Optional<byte[]> answer(int index, byte[] payload) {
        long now = System.nanoTime();
        if (firstNanos < 0) {
            firstNanos = now;
        }
        Optional<Message> decoded = Datagrams.decode(payload);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        Message m = decoded.get();
        String key = m.type() + (m.type() == Datagrams.DATA ? ":" + m.seq() : "");
        int occurrence = occurrences.merge(key, 1, Integer::sum);
        long lastSeq = start == null ? -1 : Datagrams.chunks(start.size()) - 1;
        Seen seen = new Seen(m, occurrence, Duration.ofNanos(now - firstNanos), lastSeq);
        if (m.type() == Datagrams.DATA && m.seq() > 0 && staleAck.test(seen)) {
            return Optional.of(Datagrams.ack(m.tid(), m.seq() - 1));
        }
        if (lose.test(seen)) {
            return Optional.empty();
        }
        Optional<byte[]> reply = reply(m);
        if (reply.isPresent() && withhold.test(seen)) {
            return Optional.empty();
        }
        return reply;
    }

    private Optional<byte[]> reply(Message m) {
        switch (m.type()) {
            case Datagrams.START -> {
                if (errorCode != 0) {
                    return Optional.of(Datagrams.error(m.tid(), errorCode));
                }
                if (start == null) {
                    start = m;
                }
                return start.tid() == m.tid() ? Optional.of(Datagrams.startAck(m.tid())) : Optional.empty();
            }
            case Datagrams.DATA -> {
                if (start == null || start.tid() != m.tid() || m.seq() >= Datagrams.chunks(start.size())
                        || m.payload().length != expectedLength(m.seq())) {
                    return Optional.empty();
                }
                chunks.putIfAbsent(m.seq(), m.payload());
                return Optional.of(Datagrams.ack(m.tid(), m.seq()));
            }
            case Datagrams.END -> {
                if (start == null || start.tid() != m.tid() || chunks.size() != Datagrams.chunks(start.size())) {
                    return Optional.empty();
                }
                if (done == null) {
                    done = doneStatus >= 0 ? doneStatus
                            : Arrays.equals(Datagrams.sha256(content().orElseThrow()), m.payload()) ? 0 : 1;
                }
                return Optional.of(Datagrams.done(m.tid(), done));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private int expectedLength(long seq) {
        long last = Datagrams.chunks(start.size()) - 1;
        return seq < last ? Datagrams.CHUNK : (int) (start.size() - last * Datagrams.CHUNK);
    }

    /** When the client's first datagram arrived ({@link System#nanoTime()}), or -1 before. */
    synchronized long firstNanos() {
        return firstNanos;
    }

    /** The START received first, if any. */
    synchronized Optional<Message> start() {
        return Optional.ofNullable(start);
    }

    /** The file as received, once every chunk is in. */
    synchronized Optional<byte[]> content() {
        if (start == null || chunks.size() != Datagrams.chunks(start.size())) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.values().forEach(out::writeBytes);
        return Optional.of(out.toByteArray());
    }

    /** How many times a request of {@code type} arrived (DATA: of any seq). */
    synchronized int count(int type) {
        return occurrences.entrySet().stream()
                .filter(e -> e.getKey().equals(Integer.toString(type)) || e.getKey().startsWith(type + ":"))
                .mapToInt(Map.Entry::getValue).sum();
    }
}
