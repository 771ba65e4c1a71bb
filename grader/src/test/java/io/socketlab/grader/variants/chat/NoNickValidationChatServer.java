package io.socketlab.grader.variants.chat;

import java.io.IOException;

/** Mistake: accepts any nick (spaces, 17 or more characters, symbols); must lose CHAT-1. */
public final class NoNickValidationChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new NoNickValidationChatServer().run(args);
    }

    @Override
    boolean validNick(String nick) {
        return true;
    }
}
