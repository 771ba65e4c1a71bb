package io.socketlab.grader.variants.chat;

import java.io.IOException;

/**
 * Mistake: JOIN is announced to every open connection, those that never registered included; must lose CHAT-3.
 */
public final class JoinToEveryConnectionChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new JoinToEveryConnectionChatServer().run(args);
    }

    @Override
    void announceJoin(Client newcomer) {
        for (Client other : connections) {
            if (other != newcomer) {
                deliver(other, "JOIN " + newcomer.nick);
            }
        }
    }
}
