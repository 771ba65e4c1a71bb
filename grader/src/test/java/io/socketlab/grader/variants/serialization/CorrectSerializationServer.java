package io.socketlab.grader.variants.serialization;

import java.io.IOException;

/** Control: the unbroken base report server, which should lose no clause. */
public final class CorrectSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new CorrectSerializationServer().run(args);
    }
}
