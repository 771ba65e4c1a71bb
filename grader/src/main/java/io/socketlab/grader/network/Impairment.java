package io.socketlab.grader.network;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What the relay does to the datagrams of one direction.
 *
 * @param drop        probability that a datagram is dropped
 * @param duplicate   probability that a forwarded datagram is forwarded a second time
 * @param maxDelay    every forwarded copy is held for a random delay in [0, maxDelay], which reorders datagrams
 * @param burstStart  probability that a datagram starts a burst of losses (it and the next ones are dropped)
 * @param burstLength how many datagrams a burst drops, the one that started it included
 */
public record Impairment(double drop, double duplicate, Duration maxDelay, double burstStart, int burstLength) {

    private static final Impairment NONE = new Impairment(0, 0, Duration.ZERO, 0, 0);

    public Impairment {
        requireProbability("drop", drop);
        requireProbability("duplicate", duplicate);
        requireProbability("burstStart", burstStart);
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("maxDelay must not be negative, was " + maxDelay);
        }
        if (burstLength < 0) {
            throw new IllegalArgumentException("burstLength must not be negative, was " + burstLength);
        }
    }

    /** Every datagram forwarded at once, exactly once. */
    public static Impairment none() {
        return NONE;
    }

    /** Independent random loss, duplication and reordering delay. */
    public static Impairment lossy(double drop, double duplicate, Duration maxDelay) {
        return new Impairment(drop, duplicate, maxDelay, 0, 0);
    }

    /** The same impairment with bursts of {@code length} losses starting with probability {@code start}. */
    public Impairment withBursts(double start, int length) {
        return new Impairment(drop, duplicate, maxDelay, start, length);
    }

    private static void requireProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], was " + p);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "drop %.0f %%, duplicate %.0f %%, delay up to %d ms%s",
                drop * 100, duplicate * 100, maxDelay.toMillis(),
                burstStart > 0 ? String.format(Locale.ROOT, ", bursts of %d (p %.2f)", burstLength, burstStart) : "");
    }
}
