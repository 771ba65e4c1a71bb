package io.socketlab.grader.variants.echo;

import java.io.IOException;

/** Control: the unbroken base echo server, which should lose no clause. */
public final class CorrectEchoServer extends EchoServerBase {

    public static void main(String[] args) throws IOException {
        new CorrectEchoServer().run(args);
    }
}
