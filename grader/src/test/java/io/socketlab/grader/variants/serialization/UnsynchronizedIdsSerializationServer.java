package io.socketlab.grader.variants.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Mistake: allocates ids with an unlocked read-then-increment (with a short pause in between) and
 * appends to the store without the lock, so concurrent reporters get duplicate ids; must lose SER-7.
 */
public final class UnsynchronizedIdsSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new UnsynchronizedIdsSerializationServer().run(args);
    }

    @Override
    ObjectNode accept(JsonNode report) throws IOException {
        long id = nextId; // read ...
        try {
            Thread.sleep(20); // ... a context switch at the worst moment ...
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        nextId = id + 1; // ... then write: two threads can both take the same id
        ObjectNode stored = stored(report, id);
        journal.append(stored);
        synchronized (lock) { // only so that list requests do not crash
            remember(stored);
        }
        return ok(stored);
    }
}
