package io.socketlab.grader.variants.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;

/**
 * Mistake: stores the request as it came, with its {@code type} and extra members, adding the id and the time, so
 * list shows members that are not part of a stored report; must lose SER-5.
 */
public final class StoresWholeRequestSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new StoresWholeRequestSerializationServer().run(args);
    }

    @Override
    ObjectNode record(JsonNode report, long id) {
        ObjectNode stored = ((ObjectNode) report).deepCopy();
        stored.put("id", id);
        stored.put("received", Instant.now().toString());
        return stored;
    }
}
