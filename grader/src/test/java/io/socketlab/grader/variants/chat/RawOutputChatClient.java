package io.socketlab.grader.variants.chat;

/** Mistake: prints every server line verbatim instead of formatting it; must lose CHAT-12. */
public final class RawOutputChatClient extends ChatClientBase {

    public static void main(String[] args) {
        new RawOutputChatClient().run(args);
    }

    @Override
    String format(String line) {
        return line;
    }
}
