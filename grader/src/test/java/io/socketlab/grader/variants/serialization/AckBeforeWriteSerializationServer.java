package io.socketlab.grader.variants.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Mistake: answers ok at once and appends to the store later on a background thread, so a kill -9
 * right after ok loses the acknowledged report; must lose SER-6.
 */
public final class AckBeforeWriteSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new AckBeforeWriteSerializationServer().run(args);
    }

    @Override
    ObjectNode accept(JsonNode report) {
        ObjectNode stored;
        synchronized (lock) {
            stored = stored(report, nextId++);
            remember(stored);
        }
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(400); // "the disk can wait": the reply goes out first
                synchronized (lock) {
                    journal.append(stored);
                }
            } catch (IOException | InterruptedException e) {
                System.err.println("report " + stored.get("id") + " lost: " + e);
            }
        }, "late-store-writer");
        writer.start();
        return ok(stored);
    }
}
