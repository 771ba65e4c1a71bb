package io.socketlab.grader.regrade;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** When submissions close: an instant written with its UTC offset, so that it means the same on every machine. */
public final class Deadline {

    private Deadline() {
    }

    /**
     * Parses ISO-8601 with an offset or {@code Z}: {@code 2026-10-15T23:59:59-05:00}, {@code 2026-10-15T23:59Z}.
     *
     * @throws IllegalArgumentException naming what is ambiguous or wrong: a date or a time without an offset depends on
     *                                  the time zone of whoever runs the regrade, so it is refused
     */
    public static OffsetDateTime parse(String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            boolean looksLocal = value.matches("\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?");
            throw new IllegalArgumentException("--deadline '" + text + "' is " + (looksLocal
                    ? "ambiguous: it has no UTC offset, so its meaning would depend on this machine's time zone"
                    : "not an ISO-8601 date and time")
                    + "; write it with an offset, e.g. 2026-10-15T23:59:59-05:00 or 2026-10-16T04:59:59Z");
        }
    }
}
