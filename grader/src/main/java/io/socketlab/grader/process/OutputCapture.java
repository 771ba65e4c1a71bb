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
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Drains one output stream of a program on its own thread so the program never blocks on a full pipe, keeping a
 * capped head and tail of the bytes and of the timestamped lines.
 */
public final class OutputCapture {

    private final String label;
    private final long startNanos;
    private final int headLimit;
    private final int tailLimit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final Deque<byte[]> tail = new ArrayDeque<>();
    private int tailSize;
    private long total;
    private final List<String> headLines = new ArrayList<>();
    private final Deque<String> tailLines = new ArrayDeque<>();
    private final ByteArrayOutputStream currentLine = new ByteArrayOutputStream();
    private long lineCount;
    private boolean ended;
    private final Thread drainer;

    private static final int HEAD_LINES = 200;
    private static final int TAIL_LINES = 200;
    private static final int MAX_LINE = 500;

    /**
     * Starts draining at once.
     *
     * @param headLimit bytes kept from the start of the stream
     * @param tailLimit bytes kept from its end
     */
    public OutputCapture(String label, InputStream stream, int headLimit, int tailLimit, long startNanos) {
        this.label = label;
        this.headLimit = headLimit;
        this.tailLimit = tailLimit;
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
            if (currentLine.size() > 0) {
                endLine();
            }
            ended = true;
            notifyAll();
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        int toHead = (int) Math.min(n, Math.max(0, headLimit - head.size()));
        head.write(buffer, 0, toHead);
        if (toHead < n) {
            byte[] rest = Arrays.copyOfRange(buffer, toHead, n);
            tail.addLast(rest);
            tailSize += rest.length;
            while (tailSize - tail.peekFirst().length >= tailLimit) {
                tailSize -= tail.removeFirst().length;
            }
        }
        total += n;
        for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
                endLine();
            } else if (currentLine.size() < MAX_LINE) {
                currentLine.write(buffer[i]);
            }
        }
        notifyAll();
    }

    private void endLine() {
        String stamp = String.format(Locale.ROOT, "[%7.3fs] ", (System.nanoTime() - startNanos) / 1e9);
        String line = stamp + currentLine.toString(StandardCharsets.UTF_8);
        currentLine.reset();
        lineCount++;
        if (headLines.size() < HEAD_LINES) {
            headLines.add(line);
        } else {
            tailLines.addLast(line);
            if (tailLines.size() > TAIL_LINES) {
                tailLines.removeFirst();
            }
        }
    }

    /** Waits until the stream has ended (the program closed it or exited), at most {@code millis}. */
    public boolean awaitEnd(long millis) throws InterruptedException {
        drainer.join(millis);
        return !drainer.isAlive();
    }

    /** Every byte, when fewer than the head limit arrived; otherwise the head only. */
    public synchronized byte[] bytes() {
        return head.toByteArray();
    }

    /** Whether more arrived than {@link #bytes()} holds. */
    public synchronized boolean truncated() {
        return total > head.size();
    }

    public synchronized long totalBytes() {
        return total;
    }

    public synchronized String text() {
        return head.toString(StandardCharsets.UTF_8);
    }

    /** The timestamped lines, head and tail, with a marker where lines were left out. */
    public synchronized String timestampedLines() {
        StringBuilder out = new StringBuilder();
        headLines.forEach(l -> out.append(label).append(' ').append(l).append('\n'));
        long skipped = lineCount - headLines.size() - tailLines.size();
        if (skipped > 0) {
            out.append(label).append(" ... ").append(skipped).append(" lines left out ...\n");
        }
        tailLines.forEach(l -> out.append(label).append(' ').append(l).append('\n'));
        return out.toString();
    }

    /** How many lines have ended so far: a mark from which {@link #timestampedLinesFrom} shows a window. */
    public synchronized long lineCount() {
        return lineCount;
    }

    /**
     * The timestamped lines from line {@code first} on (0-based, counted as {@link #lineCount()} counts), the last
     * {@code max} of them at most, after a marker saying how many earlier ones are left out (too many, or no longer
     * kept).
     */
    public synchronized String timestampedLinesFrom(long first, int max) {
        List<String> window = new ArrayList<>();
        long tailStart = lineCount - tailLines.size();
        for (int i = (int) Math.min(first, headLines.size()); i < headLines.size(); i++) {
            window.add(headLines.get(i));
        }
        long index = tailStart;
        for (String line : tailLines) {
            if (index++ >= first) {
                window.add(line);
            }
        }
        List<String> shown = window.subList(Math.max(0, window.size() - max), window.size());
        long leftOut = Math.max(0, lineCount - first) - shown.size();
        StringBuilder out = new StringBuilder();
        if (leftOut > 0) {
            out.append(label).append(" ... ").append(leftOut).append(" earlier lines left out ...\n");
        }
        shown.forEach(l -> out.append(label).append(' ').append(l).append('\n'));
        return out.toString();
    }

    /** The last bytes of the stream as text, for a short error message. */
    public synchronized String tailText(int maxChars) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.toByteArray());
        tail.forEach(all::writeBytes);
        String text = all.toString(StandardCharsets.UTF_8);
        return text.length() <= maxChars ? text : "..." + text.substring(text.length() - maxChars);
    }

    /** Blocks until {@code condition} holds on the text seen so far, at most {@code millis}. */
    public synchronized boolean awaitText(Predicate<String> condition, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.test(text())) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0 || ended) {
                return condition.test(text());
            }
            wait(left);
        }
        return true;
    }
}
