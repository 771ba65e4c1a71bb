package io.socketlab.grader.variants.chat;

import java.io.IOException;

/**
 * Mistake: a client is disconnected as soon as more than 1 MiB is queued for it, whether or not it is reading: a
 * reader that fell behind during a burst is dropped although it reads on; must lose CHAT-9.
 */
public final class DropsOnBacklogChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new DropsOnBacklogChatServer().run(args);
    }

    @Override
    boolean stuck(long queued, long writingSince) {
        return queued > MAX_BACKLOG_BYTES;
    }
}
