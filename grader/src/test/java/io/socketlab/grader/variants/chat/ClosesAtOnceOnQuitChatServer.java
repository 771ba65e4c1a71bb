package io.socketlab.grader.variants.chat;

import java.io.IOException;

/**
 * Mistake: the socket is closed as soon as QUIT is read, while lines are still queued for that client, which never
 * receives them; must lose CHAT-7.
 */
public final class ClosesAtOnceOnQuitChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new ClosesAtOnceOnQuitChatServer().run(args);
    }

    @Override
    void onQuit(Client client) {
        leave(client);
        client.kill();
    }
}
