package io.socketlab.grader.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Drains one output stream of a program on its own thread so the program never blocks on a full pipe, keeping a
 * capped head and tail of the bytes and of the timestamped lines. What it keeps is bounded by construction, however
 * much a program writes and however long its lines: {@link #retainedBytes()} never exceeds {@link #bound()}.
 */
public final class OutputCapture {

    private static final int HEAD_LINES = 200;
    private static final int TAIL_LINES = 200;
    private static final int MAX_LINE = 500;

    private final String label;
    private final long startNanos;
    private final int headLimit;
    /** The first bytes, up to {@code headLimit}; the array grows by doubling, never past the limit. */
    private byte[] head = new byte[0];
    private int headSize;
    /** The last {@code tail.length} bytes after the head, as a ring: {@code tailEnd} is where the next byte goes. */
    private final byte[] tail;
    private int tailEnd;
    private long tailTotal;
    private long total;
    private final List<Line> headLines = new ArrayList<>();
    private final Deque<Line> tailLines = new ArrayDeque<>();
    /** The line being read, cut at {@code MAX_LINE} bytes: a line without end costs no more than a short one. */
    private final byte[] line = new byte[MAX_LINE];
    private int lineSize;
    private long lineCount;
    private boolean ended;
    /** The head decoded, kept until the head grows: waiting on a condition does not decode it again for nothing. */
    private String headText = "";
    private int headTextSize;
    private final Thread drainer;

    /**
     * Starts draining at once.
     *
     * @param headLimit bytes kept from the start of the stream
     * @param tailLimit bytes kept from its end
     */
    public OutputCapture(String label, InputStream stream, int headLimit, int tailLimit, long startNanos) {
        this.label = label;
        this.headLimit = headLimit;
        this.tail = new byte[tailLimit];
        this.startNanos = startNanos;
        this.drainer = new Thread(() -> drain(stream), "socketlab-drain-" + label);
        drainer.setDaemon(true);
        drainer.start();
    }

    private void drain(InputStream stream) {
        byte[] buffer = new byte[8192];
        try (stream) {
            int n;
            while ((n = stream.read(buffer)) != -1) {
                append(buffer, n);
            }
        } catch (IOException e) {
            // The pipe closes when the process is killed: nothing more to keep.
        }
        synchronized (this) {
            if (lineSize > 0) {
                endLine();
            }
            ended = true;
            notifyAll();
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        int toHead = Math.min(n, headLimit - headSize);
        if (toHead > 0) {
            if (headSize + toHead > head.length) {
                head = Arrays.copyOf(head, (int) Math.min(headLimit, Math.max(headSize + toHead, 2L * head.length)));
            }
            System.arraycopy(buffer, 0, head, headSize, toHead);
            headSize += toHead;
        }
        // The tail keeps the last bytes: at most two copies into the ring, whatever the size of the read.
        int toTail = Math.min(n - toHead, tail.length);
        int from = n - toTail;
        while (toTail > 0) {
            int chunk = Math.min(toTail, tail.length - tailEnd);
            System.arraycopy(buffer, from, tail, tailEnd, chunk);
            tailEnd = (tailEnd + chunk) % tail.length;
            from += chunk;
            toTail -= chunk;
        }
        tailTotal += n - toHead;
        total += n;
        for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
                endLine();
            } else if (lineSize < MAX_LINE) {
                line[lineSize++] = buffer[i];
            }
        }
        notifyAll();
    }

    /** The bytes this capture holds now: its head, its tail and its lines. */
    public synchronized long retainedBytes() {
        long lines = line.length;
        for (Line kept : headLines) {
            lines += kept.text().length();
        }
        for (Line kept : tailLines) {
            lines += kept.text().length();
        }
        return head.length + tail.length + lines;
    }

    /** The most {@link #retainedBytes()} can ever be: the head and tail limits and 400 lines of 500 bytes. */
    public long bound() {
        return (long) headLimit + tail.length + (HEAD_LINES + TAIL_LINES + 1) * (MAX_LINE + 16L);
    }

    private void endLine() {
        // The time is taken now and formatted only if the line is ever shown.
        Line ended = new Line(System.nanoTime() - startNanos, new String(line, 0, lineSize, StandardCharsets.UTF_8));
        lineSize = 0;
        lineCount++;
        if (headLines.size() < HEAD_LINES) {
            headLines.add(ended);
        } else {
            tailLines.addLast(ended);
            if (tailLines.size() > TAIL_LINES) {
                tailLines.removeFirst();
            }
        }
    }

    /** One line of output and when it ended, since the program started. */
    private record Line(long nanos, String text) {
        String stamped() {
            return String.format(java.util.Locale.ROOT, "[%7.3fs] ", nanos / 1e9) + text;
        }
    }

    /** Waits until the stream has ended (the program closed it or exited), at most {@code millis}. */
    public boolean awaitEnd(long millis) throws InterruptedException {
        drainer.join(millis);
        return !drainer.isAlive();
    }

    /** Every byte, when fewer than the head limit arrived; otherwise the head only. */
    public synchronized byte[] bytes() {
        return Arrays.copyOf(head, headSize);
    }

    /** Whether more arrived than {@link #bytes()} holds. */
    public synchronized boolean truncated() {
        return total > headSize;
    }

    public synchronized long totalBytes() {
        return total;
    }

    public synchronized String text() {
        if (headTextSize != headSize) {
            headText = new String(head, 0, headSize, StandardCharsets.UTF_8);
            headTextSize = headSize;
        }
        return headText;
    }

    /** The timestamped lines, head and tail, with a marker where lines were left out. */
    public synchronized String timestampedLines() {
        StringBuilder out = new StringBuilder();
        headLines.forEach(l -> out.append(label).append(' ').append(l.stamped()).append('\n'));
        long skipped = lineCount - headLines.size() - tailLines.size();
        if (skipped > 0) {
            out.append(label).append(" ... ").append(skipped).append(" lines left out ...\n");
        }
        tailLines.forEach(l -> out.append(label).append(' ').append(l.stamped()).append('\n'));
        return out.toString();
    }

    /** The last bytes of the stream as text, for a short error message. */
    public synchronized String tailText(int maxChars) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(head, 0, headSize);
        int kept = (int) Math.min(tailTotal, tail.length);
        int from = Math.floorMod(tailEnd - kept, Math.max(1, tail.length));
        for (int i = 0; i < kept; i++) {
            all.write(tail[(from + i) % tail.length]);
        }
        String text = all.toString(StandardCharsets.UTF_8);
        return text.length() <= maxChars ? text : "..." + text.substring(text.length() - maxChars);
    }

    /**
     * Blocks until {@code condition} holds on the text seen so far, at most {@code millis}. The condition is tested
     * again only when the text has grown: a program that keeps writing past the head costs nothing more.
     */
    public synchronized boolean awaitText(java.util.function.Predicate<String> condition, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        int tested = headSize;
        while (!condition.test(text())) {
            do {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0 || ended) {
                    return headSize != tested && condition.test(text());
                }
                wait(left);
            } while (headSize == tested && !ended);
            tested = headSize;
        }
        return true;
    }
}
