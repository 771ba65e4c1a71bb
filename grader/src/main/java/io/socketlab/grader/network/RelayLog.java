package io.socketlab.grader.network;

import io.socketlab.grader.model.Text;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every decision the relay took, in order; thread-safe, so tests may query it while the relay runs. */
public final class RelayLog {

    /**
     * One decision about one datagram (a dropped one) or one copy of it (a forwarded one).
     *
     * @param index     1-based number of the datagram among those offered in its direction; copies share it
     * @param direction which way it travelled
     * @param decision  what the relay did with this copy
     * @param datagram  the bytes as offered (never modified; do not modify)
     * @param atNanos   {@link System#nanoTime()} when the decision was taken
     */
    public record Event(long index, Direction direction, Decision decision, byte[] datagram, long atNanos) {}

    public enum Decision {
        /** Forwarded at once. */
        DELIVERED,
        /** Never forwarded (randomly, in a burst, or by a drop rule). */
        DROPPED,
        /** The extra copy of a duplicated datagram, forwarded too. */
        DUPLICATED,
        /** Forwarded after a random delay (which may reorder it). */
        DELAYED
    }

    private final List<Event> events = new ArrayList<>();
    private final Map<Direction, long[]> offered = new EnumMap<>(Map.of(
            Direction.TO_SERVER, new long[2], Direction.TO_CLIENT, new long[2]));
    private final Map<String, Integer> ruleHits = new LinkedHashMap<>();

    /** Counts a datagram offered by a sender and returns its 1-based index in that direction. */
    synchronized long offered(Direction direction, int length) {
        long[] counts = offered.get(direction);
        counts[1] += length;
        return ++counts[0];
    }

    synchronized void record(Event event) {
        events.add(event);
    }

    synchronized void ruleHit(DropRule rule) {
        ruleHits.merge(rule.description(), 1, Integer::sum);
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** The copies actually forwarded in a direction, in decision order (a duplicated datagram counts twice). */
    public synchronized List<Event> delivered(Direction direction) {
        return events.stream()
                .filter(e -> e.direction() == direction && e.decision() != Decision.DROPPED)
                .toList();
    }

    public synchronized List<Event> dropped(Direction direction) {
        return events.stream()
                .filter(e -> e.direction() == direction && e.decision() == Decision.DROPPED)
                .toList();
    }

    /** How many datagrams senders offered in a direction. */
    public synchronized long datagrams(Direction direction) {
        return offered.get(direction)[0];
    }

    /** How many bytes senders offered in a direction, before any loss or duplication. */
    public synchronized long bytes(Direction direction) {
        return offered.get(direction)[1];
    }

    /** The same counts as {@link #summary()}, in English and Spanish, for a student's report. */
    public synchronized Text facts() {
        List<Text> parts = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            Map<Decision, Long> counts = events.stream()
                    .filter(e -> e.direction() == direction)
                    .collect(Collectors.groupingBy(Event::decision, () -> new EnumMap<>(Decision.class),
                            Collectors.counting()));
            parts.add(Text.format("%s: %d sent (%d bytes), %d dropped, %d duplicated, %d delayed",
                    "%s: %d enviados (%d bytes), %d descartados, %d duplicados, %d retrasados",
                    direction == Direction.TO_SERVER ? Text.of("to server", "al servidor") : Text.of("to client", "al cliente"),
                    datagrams(direction), bytes(direction), counts.getOrDefault(Decision.DROPPED, 0L),
                    counts.getOrDefault(Decision.DUPLICATED, 0L), counts.getOrDefault(Decision.DELAYED, 0L)));
        }
        Text text = parts.stream().reduce((a, b) -> a.plus(Text.same("; ")).plus(b)).orElse(Text.EMPTY);
        if (!ruleHits.isEmpty()) {
            String hits = ruleHits.entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : ""))
                    .collect(Collectors.joining(", "));
            text = text.plus(Text.format("; dropped by rule: %s", "; descartados por regla: %s", hits));
        }
        return text;
    }

    /** A compact human summary for failure messages. */
    public synchronized String summary() {
        List<String> parts = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            Map<Decision, Long> counts = events.stream()
                    .filter(e -> e.direction() == direction)
                    .collect(Collectors.groupingBy(Event::decision, () -> new EnumMap<>(Decision.class),
                            Collectors.counting()));
            parts.add(String.format("%s: %d sent (%d bytes), %d dropped, %d duplicated, %d delayed",
                    direction, datagrams(direction), bytes(direction),
                    counts.getOrDefault(Decision.DROPPED, 0L), counts.getOrDefault(Decision.DUPLICATED, 0L),
                    counts.getOrDefault(Decision.DELAYED, 0L)));
        }
        String text = String.join("; ", parts);
        if (!ruleHits.isEmpty()) {
            text += "; dropped by rule: " + ruleHits.entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : ""))
                    .collect(Collectors.joining(", "));
        }
        return text;
    }
}
