package io.socketlab.grader.variants.serialization;

/** Mistake: sets no socket timeout, so a server that never answers leaves the client waiting forever; must lose SER-11. */
public final class NoTimeoutSerializationClient extends SerializationClientBase {

    public static void main(String[] args) {
        new NoTimeoutSerializationClient().run(args);
    }

    @Override
    int answerTimeoutMillis() {
        return 0;
    }
}
