package io.socketlab.grader.probe;

import java.io.IOException;
import java.time.Duration;

/** What the probes share beyond a connection: deliberate pauses, and closing what the peer no longer needs. */
final class ProbeSupport {

    private ProbeSupport() {
    }

    /** A deliberate pause between pieces or reads (not a wait for a condition). */
    static void pause(Duration pause) throws IOException {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during a deliberate pause", e);
        }
    }

    /** Closes {@code closeable}, ignoring a failure: the peer has what it needs. */
    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Nothing useful to do: the peer has what it needs.
        }
    }
}
