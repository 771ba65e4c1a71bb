package io.socketlab.reference.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** One inventory report as a client sends it, checked field by field as SER-3 and SER-4 require. */
record Report(String hostname, String timestamp, String runtime, String os) {

    private static final int MAX_CODE_POINTS = 256;
    // SER-3: RFC 3339 insists on seconds and an explicit zone, which ISO 8601 parsers let slide.
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

    /** Thrown for a request that is valid JSON but not a valid request: the error code {@code bad-request}. */
    static final class BadRequestException extends Exception {

        BadRequestException(String message) {
            super(message);
        }
    }

    /** Reads the four fields of a {@code "report"} request; other fields are ignored (SER-3). */
    static Report from(JsonNode request) throws BadRequestException {
        return new Report(text(request, "hostname"), timestamp(request), text(request, "runtime"),
                text(request, "os"));
    }

    /** SER-4: the field must be a string of 1 to 256 code points (not Java chars: an emoji is one). */
    private static String text(JsonNode request, String field) throws BadRequestException {
        JsonNode value = request.get(field);
        if (value == null) {
            throw new BadRequestException("missing field \"" + field + "\"");
        }
        if (!value.isTextual()) {
            throw new BadRequestException("\"" + field + "\" must be a string");
        }
        String text = value.textValue();
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > MAX_CODE_POINTS) {
            throw new BadRequestException("\"" + field + "\" must have 1 to " + MAX_CODE_POINTS
                    + " characters, not " + length);
        }
        // SER-4: JSON can escape half of a surrogate pair ("\ud800"), which is no character at all; a paired one
        // counts above as one code point, so any surrogate left in the code points is a lone one.
        if (text.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            throw new BadRequestException("\"" + field + "\" holds a lone surrogate, which is not Unicode text");
        }
        return text;
    }

    /** SER-3: an RFC 3339 date-time with seconds and a zone, and a real one (no February 30). */
    private static String timestamp(JsonNode request) throws BadRequestException {
        String text = text(request, "timestamp");
        if (RFC_3339.matcher(text).matches()) {
            try {
                // RFC 3339 allows any number of fraction digits; Java parses at most 9.
                String nanos = text.replaceFirst("(\\.\\d{9})\\d+", "$1");
                OffsetDateTime.parse(nanos, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                return text;
            } catch (DateTimeParseException e) {
                // Right shape, impossible value: refused below like any other bad timestamp.
            }
        }
        throw new BadRequestException("\"timestamp\" must be an RFC 3339 date-time with seconds and a zone,"
                + " like 2026-06-03T17:48:08Z, not " + text);
    }
}
