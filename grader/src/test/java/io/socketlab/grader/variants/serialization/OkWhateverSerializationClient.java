package io.socketlab.grader.variants.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import io.socketlab.grader.variants.VariantSupport;
import java.nio.charset.StandardCharsets;

/**
 * Mistake: prints {@code OK} and the id whatever the server answered, so an error answer reads as a success
 * ({@code OK } and exit 0); must lose SER-9.
 */
public final class OkWhateverSerializationClient extends SerializationClientBase {

    public static void main(String[] args) {
        new OkWhateverSerializationClient().run(args);
    }

    @Override
    void printRefusal(JsonNode reply) {
        VariantSupport.printLine(("OK " + reply.path("id").asText()).getBytes(StandardCharsets.UTF_8));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
