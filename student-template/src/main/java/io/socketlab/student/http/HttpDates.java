package io.socketlab.student.http;

import java.time.Instant;

/** HTTP-3, HTTP-8: timestamps in IMF-fixdate, {@code Sun, 06 Nov 1994 08:49:37 GMT} (RFC 9110, 5.6.7). */
final class HttpDates {

    private HttpDates() {
    }

    /** Now, for the {@code Date} field of a response. */
    static String now() {
        return format(Instant.now());
    }

    /** {@code instant} in IMF-fixdate, for {@code Date} and {@code Last-Modified}. */
    static String format(Instant instant) {
        // TODO(HTTP-3): DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
        //   .withZone(ZoneOffset.UTC), created once in a constant. Not RFC_1123_DATE_TIME: it
        //   writes "6 Nov" where IMF-fixdate needs "06 Nov".
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }

    /** The instant {@code text} stands for, or null if it is not an HTTP date: an invalid date is ignored. */
    static Instant parse(String text) {
        // TODO(HTTP-8): parse with the same formatter (format.parse(text, Instant::from)); a
        //   DateTimeParseException means null.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }
}
