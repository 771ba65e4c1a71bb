package io.socketlab.grader.variants.serialization;

import java.io.IOException;

/**
 * Mistake: closes the connection after answering bad-json or bad-request instead of keeping it
 * usable; must lose SER-4.
 */
public final class ClosesOnBadJsonSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new ClosesOnBadJsonSerializationServer().run(args);
    }

    @Override
    boolean staysUsableAfterError() {
        return false;
    }
}
