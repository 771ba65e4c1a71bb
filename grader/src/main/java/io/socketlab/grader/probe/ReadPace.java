package io.socketlab.grader.probe;

import java.time.Duration;

/**
 * How fast a probe reads a long stream. A fast reader keeps the peer's send buffer empty; a slow one lets it fill, so
 * a peer that drops what it cannot send at once (Python's {@code send()} instead of {@code sendall()}, a queue thrown
 * away at end of stream) is caught.
 *
 * @param chunk the most one read takes
 * @param pause a deliberate pause after each read
 */
public record ReadPace(int chunk, Duration pause) {

    /** As fast as the bytes come. */
    public static final ReadPace FAST = new ReadPace(64 * 1024, Duration.ZERO);

    /** 16 KiB per millisecond at most (about 16 MiB/s): far slower than a peer on loopback can write. */
    public static final ReadPace SLOW = new ReadPace(16 * 1024, Duration.ofMillis(1));
}
