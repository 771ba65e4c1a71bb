package io.socketlab.grader.probe;

import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Text;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What crossed the wire during one test, across all its connections, in order: the transcript a failure shows up
 * to the first divergence. Thread-safe; keeps a head and a tail when a test exchanges a lot. Bytes read the same in
 * every language; the probe's own notes are kept in English and Spanish.
 */
public final class Transcript {

    /** Who said it, seen from the grader. */
    public enum Direction {
        SENT(">"), RECEIVED("<"), NOTE("*");

        private final String arrow;

        Direction(String arrow) {
            this.arrow = arrow;
        }
    }

    private record Entry(long millis, String channel, Direction direction, Text rendered) {
    }

    private static final int HEAD = 40;
    private static final int TAIL = 40;

    private final long start = System.nanoTime();
    private final List<Entry> head = new ArrayList<>();
    private final ArrayDeque<Entry> tail = new ArrayDeque<>();
    private long dropped;
    private int channels;

    /** A new channel name, {@code #1}, {@code #2}...: one per connection or socket. */
    public synchronized String newChannel(String kind) {
        return kind + "#" + (++channels);
    }

    public void sent(String channel, byte[] bytes, int offset, int length) {
        add(channel, Direction.SENT, Text.same(Bytes.render(bytes, offset, length)));
    }

    public void received(String channel, byte[] bytes, int offset, int length) {
        add(channel, Direction.RECEIVED, Text.same(Bytes.render(bytes, offset, length)));
    }

    /** A summary instead of the bytes themselves, for streams too long to show: {@code (16 MiB of random bytes)}. */
    void sentSummary(String channel, Text what) {
        add(channel, Direction.SENT, what.prefixed("(").plus(Text.same(")")));
    }

    void receivedSummary(String channel, Text what) {
        add(channel, Direction.RECEIVED, what.prefixed("(").plus(Text.same(")")));
    }

    public void note(String channel, String what) {
        add(channel, Direction.NOTE, Text.same(what));
    }

    public void note(String channel, Text what) {
        add(channel, Direction.NOTE, what);
    }

    private synchronized void add(String channel, Direction direction, Text rendered) {
        Entry entry = new Entry((System.nanoTime() - start) / 1_000_000, channel, direction, rendered);
        if (head.size() < HEAD) {
            head.add(entry);
            return;
        }
        tail.addLast(entry);
        if (tail.size() > TAIL) {
            tail.removeFirst();
            dropped++;
        }
    }

    public synchronized boolean isEmpty() {
        return head.isEmpty();
    }

    /** One line per entry, in English: {@code [  12 ms] tcp#1 < "HELLO x\n"}. */
    public String render() {
        return render(Lang.EN);
    }

    /** One line per entry, the notes in {@code lang}. */
    public synchronized String render(Lang lang) {
        StringBuilder out = new StringBuilder();
        head.forEach(e -> line(out, e, lang));
        if (dropped > 0) {
            out.append(lang == Lang.ES ? "  ... " + dropped + " intercambios más ...\n"
                    : "  ... " + dropped + " more exchanges ...\n");
        }
        tail.forEach(e -> line(out, e, lang));
        return out.toString();
    }

    private static void line(StringBuilder out, Entry e, Lang lang) {
        out.append(String.format("[%6d ms] %-6s %s %s%n", e.millis(), e.channel(), e.direction().arrow,
                e.rendered().in(lang)));
    }
}
