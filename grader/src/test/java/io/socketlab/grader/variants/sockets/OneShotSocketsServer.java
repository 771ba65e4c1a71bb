package io.socketlab.grader.variants.sockets;

import java.io.IOException;

/** Mistake: serves one client and then stops accepting and exits; must lose SOCK-7. */
public final class OneShotSocketsServer extends SocketsServerBase {

    public static void main(String[] args) throws IOException {
        new OneShotSocketsServer().run(args);
    }

    @Override
    boolean acceptAnother() {
        return false;
    }
}
