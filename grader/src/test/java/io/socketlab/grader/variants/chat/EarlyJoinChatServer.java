package io.socketlab.grader.variants.chat;

import java.io.IOException;

/**
 * Mistake: the others are told JOIN before the newcomer is in the registry (the announcement under the lock, a log
 * line, then the insertion under the lock again), so a client that answers the JOIN at once gets ERR no-such-nick;
 * must lose CHAT-3.
 */
public final class EarlyJoinChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new EarlyJoinChatServer().run(args);
    }

    @Override
    void take(Client client, String nick) {
        synchronized (room) {
            if (members.containsKey(nickKey(nick))) {
                client.send("ERR nick-taken");
                return;
            }
            for (Client other : members.values()) {
                deliver(other, "JOIN " + nick);
            }
        }
        System.err.println("registering " + nick);
        try {
            Thread.sleep(200); // the log line, slow on a busy disk: the window in which the JOIN cannot be answered
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (room) {
            client.nick = nick;
            members.put(nickKey(nick), client);
            client.send("OK " + nick);
        }
    }
}
