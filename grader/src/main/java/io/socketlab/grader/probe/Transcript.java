package io.socketlab.grader.probe;

import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Text;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What crossed the wire during one test, across all its connections, in order: the transcript a failure shows up
 * to the first divergence. Thread-safe; keeps a head and a tail when a test exchanges a lot. Bytes read the same in
 * every language; the probe's own notes are kept in English and Spanish.
 */
public final class Transcript {

    /** Who said it, seen from the grader. */
    public enum Direction {
        SENT, RECEIVED, NOTE
    }

    /**
     * Which end of a channel the grader holds. The transcript writes what the client end sent as {@code C:} and what
     * the server end sent as {@code S:}, as the specs do, whichever end is the program under test.
     */
    public enum Side {
        CLIENT, SERVER
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
    private final Set<String> serverEnds = new HashSet<>();

    /** A new channel name, {@code #1}, {@code #2}...: one per connection or socket, the grader at its client end. */
    public synchronized String newChannel(String kind) {
        return newChannel(kind, Side.CLIENT);
    }

    /** A new channel with the grader at {@code graderSide} (a fake server holds the server end). */
    public synchronized String newChannel(String kind, Side graderSide) {
        String channel = kind + "#" + (++channels);
        if (graderSide == Side.SERVER) {
            serverEnds.add(channel);
        }
        return channel;
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

    /** One line per entry, in English (see {@link #render(Lang)}). */
    public String render() {
        return render(Lang.EN);
    }

    /**
     * One line per entry, the notes in {@code lang}: {@code [  12 ms] tcp#1  S: "HELLO x\n"}: when, on which
     * connection, who sent it ({@code C:} the client end, {@code S:} the server end; {@code *} a note of the
     * grader's), and what.
     */
    public synchronized String render(Lang lang) {
        StringBuilder out = new StringBuilder();
        head.forEach(e -> line(out, e, lang));
        if (dropped > 0) {
            boolean one = dropped == 1;
            out.append(lang == Lang.ES
                    ? "  ... " + dropped + (one ? " intercambio más ...\n" : " intercambios más ...\n")
                    : "  ... " + dropped + (one ? " more exchange ...\n" : " more exchanges ...\n"));
        }
        tail.forEach(e -> line(out, e, lang));
        return out.toString();
    }

    private void line(StringBuilder out, Entry e, Lang lang) {
        String who = switch (e.direction()) {
            case NOTE -> "* ";
            case SENT -> serverEnds.contains(e.channel()) ? "S:" : "C:";
            case RECEIVED -> serverEnds.contains(e.channel()) ? "C:" : "S:";
        };
        out.append(String.format(Locale.ROOT, "[%6d ms] %-6s %s %s%n", e.millis(), e.channel(), who,
                e.rendered().in(lang)));
    }
}
