package io.socketlab.grader.variants.echo;

import java.io.IOException;
import java.net.Socket;

/**
 * Mistake: at stdin EOF it neither half-closes nor closes, it just waits for the server to close first, which an
 * echo server does only after the client's half-close; must lose ECHO-8.
 */
public final class NeverHalfClosesEchoClient extends EchoClientBase {

    public static void main(String[] args) throws IOException {
        new NeverHalfClosesEchoClient().run(args);
    }

    @Override
    void atStdinEof(Socket socket) {
        // nothing: the server is left waiting for more
    }
}
