package io.socketlab.grader.variants.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Mistake: parses with a default {@code ObjectMapper}, whose {@code readTree} reads the first value and ignores the
 * rest, so {@code {"type":"list"} {"type":"list"}} or a trailing comment is answered as a list instead of bad-json;
 * must lose SER-4.
 */
public final class TrailingDataSerializationServer extends SerializationServerBase {

    private static final ObjectMapper DEFAULTS = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        new TrailingDataSerializationServer().run(args);
    }

    @Override
    JsonNode parse(String text) throws JsonProcessingException {
        return DEFAULTS.readTree(text);
    }
}
