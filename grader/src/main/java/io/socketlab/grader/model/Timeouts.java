package io.socketlab.grader.model;

import java.time.Duration;

/**
 * Every wait in the grader, scaled by one factor so a slow machine gets proportionally more time.
 *
 * @param scale multiplies every base duration; 1.0 on a normal machine
 */
public record Timeouts(double scale) {

    public static final Timeouts DEFAULT = new Timeouts(1.0);

    public Timeouts {
        if (!(scale > 0) || scale > 100) {
            throw new IllegalArgumentException("timeout scale must be in (0, 100], was " + scale);
        }
    }

    public Duration scaled(Duration base) {
        return Duration.ofNanos((long) (base.toNanos() * scale));
    }

    public Duration seconds(double base) {
        return scaled(Duration.ofMillis((long) (base * 1000)));
    }
}
