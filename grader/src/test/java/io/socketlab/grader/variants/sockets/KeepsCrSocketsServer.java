package io.socketlab.grader.variants.sockets;

import java.io.IOException;

/** Mistake: keeps the trailing CR of a CRLF line, so {@code abc\r\n} counts 4; must lose SOCK-3. */
public final class KeepsCrSocketsServer extends SocketsServerBase {

    public static void main(String[] args) throws IOException {
        new KeepsCrSocketsServer().run(args);
    }

    @Override
    byte[] withoutCr(byte[] line) {
        return line;
    }
}
