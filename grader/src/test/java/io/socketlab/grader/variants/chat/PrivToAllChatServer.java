package io.socketlab.grader.variants.chat;

import java.io.IOException;
import java.util.List;

/** Mistake: a PRIV is delivered (as PRIV) to every other registered client, not only the named nick; must lose CHAT-5. */
public final class PrivToAllChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new PrivToAllChatServer().run(args);
    }

    @Override
    List<Client> privRecipients(Client sender, Client target) {
        return others(sender);
    }
}
