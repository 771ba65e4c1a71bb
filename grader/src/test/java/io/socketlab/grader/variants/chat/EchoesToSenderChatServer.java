package io.socketlab.grader.variants.chat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Mistake: a MSG is broadcast to every registered client, the sender included; must lose CHAT-4. */
public final class EchoesToSenderChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new EchoesToSenderChatServer().run(args);
    }

    @Override
    List<Client> msgRecipients(Client sender) {
        return new ArrayList<>(members.values());
    }
}
