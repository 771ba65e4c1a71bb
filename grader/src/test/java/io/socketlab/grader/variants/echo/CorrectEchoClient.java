package io.socketlab.grader.variants.echo;

import java.io.IOException;

/** Control: the unbroken base echo client, which should lose no clause. */
public final class CorrectEchoClient extends EchoClientBase {

    public static void main(String[] args) throws IOException {
        new CorrectEchoClient().run(args);
    }
}
