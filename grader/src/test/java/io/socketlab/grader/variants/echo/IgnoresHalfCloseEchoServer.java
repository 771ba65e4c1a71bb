package io.socketlab.grader.variants.echo;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Mistake: when read returns -1 it keeps the connection open and never closes it; must lose
 * ECHO-2.
 */
public final class IgnoresHalfCloseEchoServer extends EchoServerBase {

    public static void main(String[] args) throws IOException {
        new IgnoresHalfCloseEchoServer().run(args);
    }

    /** Held forever so that no cleaner ever closes them. */
    private static final List<Socket> NEVER_CLOSED = Collections.synchronizedList(new ArrayList<>());

    @Override
    void afterClientHalfClose(Socket socket) {
        NEVER_CLOSED.add(socket);
    }
}
