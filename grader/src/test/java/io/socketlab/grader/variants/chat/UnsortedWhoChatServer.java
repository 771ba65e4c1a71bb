package io.socketlab.grader.variants.chat;

import java.io.IOException;
import java.util.List;

/** Mistake: WHO lists the nicks in join order instead of sorted by code point; must lose CHAT-6. */
public final class UnsortedWhoChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new UnsortedWhoChatServer().run(args);
    }

    @Override
    List<String> whoOrder(List<String> joinOrder) {
        return joinOrder;
    }
}
