package io.socketlab.grader.variants.serialization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.variants.VariantSupport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Mistake: on start parses every line of FILE, the last one too even without its LF, and refuses to start when one
 * is not JSON: a server killed in the middle of a write never starts again; must lose SER-6.
 */
public final class FailsOnTornLineSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new FailsOnTornLineSerializationServer().run(args);
    }

    @Override
    Journal journal(Path file) throws IOException {
        Journal journal = super.journal(file);
        return new Journal() {
            @Override
            public List<ObjectNode> load() throws IOException {
                if (Files.exists(file)) {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                        for (byte[] line; (line = VariantSupport.readLine(in, Long.MAX_VALUE, true)) != null; ) {
                            JSON.readTree(line); // throws on half a line: "the store is corrupt"
                        }
                    }
                }
                return journal.load();
            }

            @Override
            public void append(ObjectNode stored) throws IOException {
                journal.append(stored);
            }
        };
    }
}
