package io.socketlab.grader.variants.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import io.socketlab.grader.variants.VariantSupport;

/** Mistake: prints the server's raw JSON reply instead of {@code OK <id>}; must lose SER-9. */
public final class WrongOutputSerializationClient extends SerializationClientBase {

    public static void main(String[] args) {
        new WrongOutputSerializationClient().run(args);
    }

    @Override
    void printAccepted(byte[] raw, JsonNode reply) {
        VariantSupport.printLine(raw);
    }
}
