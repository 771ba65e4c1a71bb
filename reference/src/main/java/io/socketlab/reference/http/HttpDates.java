package io.socketlab.reference.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** HTTP-3, HTTP-8: timestamps in IMF-fixdate, {@code Sun, 06 Nov 1994 08:49:37 GMT} (RFC 9110, 5.6.7). */
final class HttpDates {

    // Not DateTimeFormatter.RFC_1123_DATE_TIME: it writes "6 Nov", and IMF-fixdate needs "06 Nov".
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The current second and its text: a busy server formats the date once a second, not once a response. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second current = new Second(0, "");

    private HttpDates() {
    }

    /** Now, for the {@code Date} field of a response. */
    static String now() {
        long epochSecond = System.currentTimeMillis() / 1000;
        Second second = current;
        if (second.epochSecond() != epochSecond) {
            second = new Second(epochSecond, format(Instant.ofEpochSecond(epochSecond)));
            current = second; // racing threads all write the same text: harmless
        }
        return second.text();
    }

    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /**
     * The instant {@code text} stands for, or null if it is not an IMF-fixdate: an invalid date is
     * ignored (HTTP-8). The two obsolete formats of RFC 9110, 5.6.7 are treated as invalid too,
     * which costs a client at worst a full response instead of a 304.
     */
    static Instant parse(String text) {
        try {
            return IMF_FIXDATE.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
