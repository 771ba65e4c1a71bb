package io.socketlab.grader.variants.chat;

import java.io.IOException;

/** Control: the unbroken base chat server, which should lose no clause. */
public final class CorrectChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new CorrectChatServer().run(args);
    }
}
