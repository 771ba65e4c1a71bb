package io.socketlab.grader.variants.serialization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Mistake: decodes the body with {@code new String(body, UTF_8)}, which silently replaces invalid bytes with U+FFFD,
 * so a report with invalid UTF-8 is stored and answered ok instead of bad-json; must lose SER-4.
 */
public final class ReplacesInvalidUtf8SerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new ReplacesInvalidUtf8SerializationServer().run(args);
    }

    @Override
    String decode(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
