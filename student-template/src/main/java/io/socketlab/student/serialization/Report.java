package io.socketlab.student.serialization;

import com.fasterxml.jackson.databind.JsonNode;

/** One inventory report as a client sends it, checked field by field as SER-3 and SER-4 require. */
record Report(String hostname, String timestamp, String runtime, String os) {

    private static final int MAX_CODE_POINTS = 256;

    /** Thrown for a request that is valid JSON but not a valid request: the error code {@code bad-request}. */
    static final class BadRequestException extends Exception {

        BadRequestException(String message) {
            super(message);
        }
    }

    /** Reads the four fields of a {@code "report"} request; other fields are ignored (SER-3). */
    static Report from(JsonNode request) throws BadRequestException {
        // TODO(SER-4): each of hostname, timestamp, runtime and os must be present
        //   (request.get(field) != null) and a string (isTextual()); otherwise throw a
        //   BadRequestException whose message says which field is wrong.
        // TODO(SER-3): each string has 1 to MAX_CODE_POINTS Unicode code points. Count them with
        //   text.codePointCount(0, text.length()): String.length() counts chars, and an emoji is two.
        // TODO(SER-3): the timestamp is RFC 3339 WITH seconds and an explicit zone (Z or +hh:mm):
        //   check its shape with a regular expression (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}, an
        //   optional fraction, then Z or [+-]\d{2}:\d{2}; RFC 3339 also allows a lowercase t and z),
        //   then that it is a real instant (no February 30) with
        //   OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).
        // TODO(SER-3): unknown extra fields are simply ignored.
        throw new UnsupportedOperationException("not implemented yet: see specs/serialization.md");
    }
}
