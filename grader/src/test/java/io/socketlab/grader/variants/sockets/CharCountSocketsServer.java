package io.socketlab.grader.variants.sockets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Mistake: counts the Java chars of the decoded line instead of its UTF-8 bytes; must lose SOCK-2. */
public final class CharCountSocketsServer extends SocketsServerBase {

    public static void main(String[] args) throws IOException {
        new CharCountSocketsServer().run(args);
    }

    @Override
    String reply(byte[] line) {
        return "RECEIVED " + new String(line, StandardCharsets.UTF_8).length();
    }
}
