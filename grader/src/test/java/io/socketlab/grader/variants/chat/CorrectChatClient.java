package io.socketlab.grader.variants.chat;

/** Control: the unbroken base chat client, which should lose no clause. */
public final class CorrectChatClient extends ChatClientBase {

    public static void main(String[] args) {
        new CorrectChatClient().run(args);
    }
}
