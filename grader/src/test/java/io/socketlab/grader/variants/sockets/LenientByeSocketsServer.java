package io.socketlab.grader.variants.sockets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Mistake: trims the line and ignores case before comparing it with BYE, so "bye" ends the conversation; must lose SOCK-5. */
public final class LenientByeSocketsServer extends SocketsServerBase {

    public static void main(String[] args) throws IOException {
        new LenientByeSocketsServer().run(args);
    }

    @Override
    boolean isBye(byte[] line) {
        return new String(line, StandardCharsets.UTF_8).strip().equalsIgnoreCase("BYE");
    }
}
