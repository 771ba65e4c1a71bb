package io.socketlab.grader.variants.serialization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Mistake: keeps reports in memory only, never writing or reading the store, so ids restart at 1
 * and earlier reports vanish after a restart; must lose SER-6.
 */
public final class NoPersistenceSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new NoPersistenceSerializationServer().run(args);
    }

    @Override
    Journal journal(Path file) {
        return new Journal() {
            @Override
            public List<ObjectNode> load() {
                return List.of();
            }

            @Override
            public void append(ObjectNode stored) {
                // the in-memory list is all there is
            }
        };
    }
}
