package io.socketlab.grader.variants.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Mistake: accepts any object whose type is "report" without checking its fields (missing
 * fields, wrong types and bad timestamps all get ok); must lose SER-4.
 */
public final class LenientValidationSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new LenientValidationSerializationServer().run(args);
    }

    @Override
    String problem(JsonNode report) {
        return null;
    }
}
