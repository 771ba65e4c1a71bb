package io.socketlab.grader.variants.sockets;

import java.io.IOException;

/** Control: the unbroken base sockets server, which should lose no clause. */
public final class CorrectSocketsServer extends SocketsServerBase {

    public static void main(String[] args) throws IOException {
        new CorrectSocketsServer().run(args);
    }
}
