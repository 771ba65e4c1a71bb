package io.socketlab.grader.variants.serialization;

/** Control: the unbroken base report client, which should lose no clause. */
public final class CorrectSerializationClient extends SerializationClientBase {

    public static void main(String[] args) {
        new CorrectSerializationClient().run(args);
    }
}
