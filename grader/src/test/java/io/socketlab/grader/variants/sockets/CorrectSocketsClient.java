package io.socketlab.grader.variants.sockets;

/** Control: the unbroken base sockets client, which should lose no clause. */
public final class CorrectSocketsClient extends SocketsClientBase {

    public static void main(String[] args) {
        new CorrectSocketsClient().run(args);
    }
}
