package io.socketlab.grader.variants.sockets;

import java.io.IOException;

/** Mistake: ends its lines with CR LF (an HTTP habit), although senders end lines with LF alone; must lose SOCK-2. */
public final class CrlfRepliesSocketsServer extends SocketsServerBase {

    public static void main(String[] args) throws IOException {
        new CrlfRepliesSocketsServer().run(args);
    }

    @Override
    String lineEnd() {
        return "\r\n";
    }
}
