package io.socketlab.grader.variants.sockets;

import java.io.IOException;

/** Mistake: answers lines of any length and never sends {@code ERR line-too-long}; must lose SOCK-4. */
public final class NoLimitSocketsServer extends SocketsServerBase {

    public static void main(String[] args) throws IOException {
        new NoLimitSocketsServer().run(args);
    }

    @Override
    long maxLineBytes() {
        return Long.MAX_VALUE;
    }
}
