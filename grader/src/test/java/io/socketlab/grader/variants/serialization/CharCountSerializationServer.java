package io.socketlab.grader.variants.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Mistake: measures strings with {@code String.length()}, which counts UTF-16 units, so a hostname of 256 emoji
 * (512 units) is refused as too long although it has 256 code points; must lose SER-3.
 */
public final class CharCountSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new CharCountSerializationServer().run(args);
    }

    @Override
    String problem(JsonNode report) {
        for (String field : FIELDS) {
            JsonNode value = report.get(field);
            if (value != null && value.isTextual() && value.textValue().length() > 256) {
                return field + " must have at most 256 characters";
            }
        }
        return super.problem(report);
    }
}
