package io.socketlab.grader.variants.chat;

import java.io.IOException;

/** Mistake: never tells the others {@code JOIN <nick>} when a client registers; must lose CHAT-3. */
public final class NoJoinNoticeChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new NoJoinNoticeChatServer().run(args);
    }

    @Override
    void announceJoin(Client newcomer) {
        // forgotten
    }
}
