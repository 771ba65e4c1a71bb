package io.socketlab.grader.network;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Drops exactly the {@code occurrence}-th (1-based) datagram of a direction that matches a predicate, e.g. the first
 * START or the last DATA. Rules apply before the random impairments and never consume randomness.
 */
public record DropRule(Direction direction, String description, Predicate<byte[]> matches, int occurrence) {

    public DropRule {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(matches, "matches");
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence is 1-based, was " + occurrence);
        }
    }

    /** The first datagram of {@code direction} whose first byte is {@code typeByte}. */
    public static DropRule firstOfType(Direction direction, int typeByte) {
        return nthOfType(direction, typeByte, 1);
    }

    /** The {@code occurrence}-th datagram of {@code direction} whose first byte is {@code typeByte}. */
    public static DropRule nthOfType(Direction direction, int typeByte, int occurrence) {
        String description = String.format("datagram #%d of type 0x%02X %s", occurrence, typeByte & 0xFF, direction);
        return new DropRule(direction, description,
                datagram -> datagram.length > 0 && (datagram[0] & 0xFF) == (typeByte & 0xFF), occurrence);
    }

    @Override
    public String toString() {
        return description;
    }
}
