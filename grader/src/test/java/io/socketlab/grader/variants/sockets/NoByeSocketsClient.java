package io.socketlab.grader.variants.sockets;

import java.io.IOException;

/** Mistake: never sends BYE, just closes after the last reply and exits 0; must lose SOCK-9. */
public final class NoByeSocketsClient extends SocketsClientBase {

    public static void main(String[] args) {
        new NoByeSocketsClient().run(args);
    }

    @Override
    void finish() throws IOException {
        socket.close();
        System.out.flush();
        System.exit(0);
    }
}
