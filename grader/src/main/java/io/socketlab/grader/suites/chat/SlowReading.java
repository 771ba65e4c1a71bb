package io.socketlab.grader.suites.chat;

import io.socketlab.grader.conformance.Concurrently;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Text;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A grader-side reader that reads steadily but slower than its sender, until told to hurry: it pauses 10 ms every few
 * lines. Its writer in the server always makes progress, yet the server's backlog for it grows past what the kernel
 * buffers hold. A server may drop a client that has read nothing for a second while over 1 MiB waits for it (CHAT-9); if
 * this reader was itself held up that long (a busy machine stalling the grader), such a drop is no verdict on the
 * server, and the test is reported as the harness's error, to be run again.
 */
final class SlowReading {

    /** A drop is the server's right only after 1 s without progress: under this much, the reader was not to blame. */
    private static final long STALL_NANOS = 950_000_000L;
    private static final long PAUSE_MILLIS = 10;

    private final int pauseEvery;
    private volatile boolean fast;
    private long last = System.nanoTime();
    private long longest;
    private long lines;

    /** Pauses 10 ms after every {@code pauseEvery} lines read, until {@link #hurry}. */
    SlowReading(int pauseEvery) {
        this.pauseEvery = pauseEvery;
    }

    /** Notes that a line was read, and pauses when it is time to. */
    void read() throws InterruptedException {
        boolean pause;
        synchronized (this) {
            long now = System.nanoTime();
            longest = Math.max(longest, now - last);
            last = now;
            pause = !fast && ++lines % pauseEvery == 0;
        }
        if (pause) {
            Thread.sleep(PAUSE_MILLIS); // deliberate: this reader is slow, never stopped
        }
    }

    /** From now on, reads as fast as lines come. */
    void hurry() {
        fast = true;
    }

    /**
     * The failure as it stands, to be thrown; but when this reader was held up long enough to explain it, the
     * harness's error is thrown instead.
     */
    synchronized ConformanceFailure judged(ConformanceFailure failure) {
        long held = Math.max(longest, System.nanoTime() - last);
        if (held <= STALL_NANOS) {
            return failure;
        }
        throw new HarnessException(Text.format("the grader's slow reader was itself held up for %d ms (a busy"
                + " machine), so the server may rightly have taken it for a client that stopped reading: %s",
                "el lector lento del evaluador estuvo él mismo detenido %d ms (máquina ocupada), así que el servidor"
                + " pudo tomarlo con razón por un cliente que había dejado de leer: %s", held / 1_000_000,
                failure.summary()));
    }

    /** Waits for {@code reading} like {@link Concurrently#awaitAll}, its failure {@link #judged}. */
    void await(CompletableFuture<Void> reading, Duration within, Text what, Text expected) throws Exception {
        try {
            Concurrently.awaitAll(List.of(reading), within, what, expected);
        } catch (ConformanceFailure failure) {
            throw judged(failure);
        }
    }
}
