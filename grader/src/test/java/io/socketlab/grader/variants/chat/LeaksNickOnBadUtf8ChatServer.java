package io.socketlab.grader.variants.chat;

import io.socketlab.grader.variants.VariantSupport;
import java.io.IOException;

/**
 * Mistake: a strict decoder's exception ends the reader thread (the socket closed by try-with-resources) before the
 * cleanup of CHAT-7 runs: the others never hear LEAVE and the nick stays taken for ever; must lose CHAT-8.
 */
public final class LeaksNickOnBadUtf8ChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new LeaksNickOnBadUtf8ChatServer().run(args);
    }

    @Override
    boolean onInvalidUtf8(Client client) {
        VariantSupport.closeQuietly(client.socket);
        return false;
    }
}
