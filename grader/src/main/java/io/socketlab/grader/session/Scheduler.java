package io.socketlab.grader.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of worker threads running grading work, the most urgent first: several sessions may share one
 * (the harness's own tests do), so that the number of tests running at once stays bounded however many sessions
 * there are. Work of earlier sessions goes first; within a session, as the session ranks it.
 */
public final class Scheduler implements AutoCloseable {

    /** How urgent a piece of work is: lower first, by session, then rank, then position. */
    record Priority(long session, int rank, int position) {
    }

    private record Work(Priority priority, long sequence, Runnable task) {
    }

    private static final Comparator<Work> ORDER = Comparator
            .comparingLong((Work w) -> w.priority().session())
            .thenComparingInt(w -> w.priority().rank())
            .thenComparingInt(w -> w.priority().position())
            .thenComparingLong(Work::sequence);
    private static final AtomicLong SESSIONS = new AtomicLong();

    private final PriorityBlockingQueue<Work> queue = new PriorityBlockingQueue<>(64, ORDER);
    private final AtomicLong sequence = new AtomicLong();
    private final List<Thread> workers = new ArrayList<>();
    private final int size;
    private volatile boolean closed;

    /** Starts {@code workers} threads, which wait for work until {@link #close()}. */
    public Scheduler(int workers) {
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

    void submit(Priority priority, Runnable task) {
        if (closed) {
            throw new IllegalStateException("the scheduler is closed");
        }
        queue.add(new Work(priority, sequence.incrementAndGet(), task));
    }

    private void work() {
        while (!closed) {
            Work next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                continue;
            }
            try {
                next.task().run();
            } catch (RuntimeException | Error e) {
                // Each task records its own outcome, harness errors included; nothing is left to do here.
            } finally {
                // A test may leave its thread interrupted; the next one must not inherit that.
                Thread.interrupted();
            }
        }
    }

    /** Stops the workers once they finish what they run; work still queued is dropped. */
    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
    }
}
