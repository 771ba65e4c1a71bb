package io.socketlab.grader.variants.chat;

import java.io.IOException;

/** Mistake: at stdin EOF it just closes the socket without sending QUIT; must lose CHAT-11. */
public final class NoQuitOnEofChatClient extends ChatClientBase {

    public static void main(String[] args) {
        new NoQuitOnEofChatClient().run(args);
    }

    @Override
    void atStdinEof() throws IOException {
        closedByUs = true;
        socket.close();
    }
}
