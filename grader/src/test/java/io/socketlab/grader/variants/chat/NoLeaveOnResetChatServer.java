package io.socketlab.grader.variants.chat;

import java.io.IOException;

/**
 * Mistake: announces LEAVE only after an explicit QUIT; a client that disconnects abruptly (EOF or
 * reset) is dropped silently; must lose CHAT-7.
 */
public final class NoLeaveOnResetChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new NoLeaveOnResetChatServer().run(args);
    }

    @Override
    void onAbruptEnd(Client client) {
        synchronized (room) {
            remove(client);
        }
    }
}
