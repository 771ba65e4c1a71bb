package io.socketlab.grader.variants.chat;

import java.io.IOException;
import java.util.Locale;

/** Mistake: treats nicks case-insensitively, so {@code ana} is refused as taken by {@code Ana}; must lose CHAT-1. */
public final class CaseInsensitiveNicksChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new CaseInsensitiveNicksChatServer().run(args);
    }

    @Override
    String nickKey(String nick) {
        return nick.toLowerCase(Locale.ROOT);
    }
}
