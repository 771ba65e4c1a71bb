package io.socketlab.grader.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of worker threads running grading work, the most urgent first: several sessions may share one
 * (the harness's own tests do), so that the number of tests running at once stays bounded however many sessions
 * there are. Work of earlier sessions goes first; within a session, as the session ranks it.
 *
 * <p>Work that must run alone (a test whose verdict depends on timing) starts only when no other work runs, and
 * nothing else starts while it runs. Rather than stop every worker the moment it is queued, the scheduler lets
 * other work start while it waits, for at most {@link #PATIENCE} once it is the most urgent work queued; then it
 * starts nothing more until the workers are idle, and runs it. With a single worker, work simply runs in order.
 */
public final class Scheduler implements AutoCloseable {

    /** How urgent a piece of work is: lower first, by session, then rank, then position. */
    record Priority(long session, int rank, int position) {
    }

    private record Work(Priority priority, long sequence, boolean alone, Runnable task) {
    }

    private static final Comparator<Work> ORDER = Comparator
            .comparingLong((Work w) -> w.priority().session())
            .thenComparingInt(w -> w.priority().rank())
            .thenComparingInt(w -> w.priority().position())
            .thenComparingLong(Work::sequence);
    private static final AtomicLong SESSIONS = new AtomicLong();
    /**
     * How long the most urgent work that must run alone lets other work start before the workers are kept for it:
     * long enough that short tests fill the wait, short enough that its session (and, in the harness's own tests,
     * the sessions queued behind it) is not held back until everything else is done.
     */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final long patienceNanos;
    private final PriorityQueue<Work> beside = new PriorityQueue<>(ORDER);
    private final PriorityQueue<Work> alone = new PriorityQueue<>(ORDER);
    private final List<Thread> workers = new ArrayList<>();
    private final int size;
    private long sequence;
    private int running;
    private boolean aloneRunning;
    private boolean closed;
    /** The work that must run alone and is most urgent, and since when ({@link System#nanoTime()}). */
    private Work urgentAlone;
    private long urgentSince;

    /** Starts {@code workers} threads, which wait for work until {@link #close()}. */
    public Scheduler(int workers) {
        this(workers, PATIENCE);
    }

    Scheduler(int workers, Duration patience) {
        this.patienceNanos = patience.toNanos();
        if (workers < 1) {
            throw new IllegalArgumentException("a scheduler needs at least one worker, got " + workers);
        }
        this.size = workers;
        for (int i = 1; i <= workers; i++) {
            Thread worker = new Thread(this::work, "socketlab-worker-" + i);
            worker.setDaemon(true);
            worker.start();
            this.workers.add(worker);
        }
    }

    /** How many pieces of work run at once at most. */
    public int size() {
        return size;
    }

    /** A number for a new session: its work goes after that of sessions numbered before it. */
    static long newSession() {
        return SESSIONS.incrementAndGet();
    }

    /** Queues {@code task}; {@code runsAlone} when nothing else may run beside it. */
    synchronized void submit(Priority priority, boolean runsAlone, Runnable task) {
        if (closed) {
            throw new IllegalStateException("the scheduler is closed");
        }
        Work work = new Work(priority, ++sequence, runsAlone && size > 1, task);
        (work.alone() ? alone : beside).add(work);
        notifyAll();
    }

    /** The next work to start, waiting until there is some this worker may start; null once closed. */
    private synchronized Work next() throws InterruptedException {
        while (!closed) {
            Work work = null;
            boolean aloneFirst = !alone.isEmpty() && (beside.isEmpty() || ORDER.compare(alone.peek(), beside.peek()) < 0);
            long waited = aloneFirst ? waitedAsMostUrgent(alone.peek()) : 0;
            if (running == 0 && aloneFirst) {
                // Every worker is idle and the most urgent work must run alone: now is its moment.
                work = alone.poll();
                aloneRunning = true;
            } else if (!beside.isEmpty() && !aloneRunning && waited < patienceNanos) {
                work = beside.poll();
            }
            if (work != null) {
                running++;
                return work;
            }
            if (aloneFirst && waited < patienceNanos) {
                wait(Math.max(1, (patienceNanos - waited) / 1_000_000));
            } else {
                wait();
            }
        }
        return null;
    }

    /** How long {@code work} has been the most urgent work queued, from the first time it was seen so. */
    private long waitedAsMostUrgent(Work work) {
        if (urgentAlone != work) {
            urgentAlone = work;
            urgentSince = System.nanoTime();
        }
        return System.nanoTime() - urgentSince;
    }

    private synchronized void finished(Work work) {
        running--;
        if (work.alone()) {
            aloneRunning = false;
        }
        notifyAll();
    }

    private void work() {
        while (true) {
            Work next;
            try {
                next = next();
            } catch (InterruptedException e) {
                continue;
            }
            if (next == null) {
                return;
            }
            try {
                next.task().run();
            } catch (RuntimeException | Error e) {
                // Each task records its own outcome, harness errors included; nothing is left to do here.
            } finally {
                // A test may leave its thread interrupted; the next one must not inherit that.
                Thread.interrupted();
                finished(next);
            }
        }
    }

    /** Stops the workers once they finish what they run; work still queued is dropped. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
