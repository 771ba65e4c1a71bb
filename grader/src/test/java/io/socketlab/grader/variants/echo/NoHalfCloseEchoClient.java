package io.socketlab.grader.variants.echo;

import java.io.IOException;
import java.net.Socket;

/**
 * Mistake: at stdin EOF closes the whole socket instead of half-closing, so the echo tail is lost;
 * must lose ECHO-8.
 */
public final class NoHalfCloseEchoClient extends EchoClientBase {

    public static void main(String[] args) throws IOException {
        new NoHalfCloseEchoClient().run(args);
    }

    @Override
    void atStdinEof(Socket socket) throws IOException {
        socket.close();
    }
}
