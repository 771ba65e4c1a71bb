package io.socketlab.grader.variants.serialization;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Mistake: checks the timestamp with {@code OffsetDateTime.parse} alone, which refuses valid RFC 3339 (a lower-case
 * {@code t} or {@code z}, more than nine fraction digits) and accepts invalid (no seconds); must lose SER-3.
 */
public final class LibraryTimestampSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new LibraryTimestampSerializationServer().run(args);
    }

    @Override
    boolean validTimestamp(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
