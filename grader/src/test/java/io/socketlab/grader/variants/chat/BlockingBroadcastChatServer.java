package io.socketlab.grader.variants.chat;

import io.socketlab.grader.variants.VariantSupport;
import java.io.IOException;

/**
 * Mistake: broadcasts by writing straight to each recipient's socket from the sender's thread while
 * holding the room lock (no per-client queue), so one client that stops reading blocks everyone once
 * its socket buffer is full; must lose CHAT-9.
 */
public final class BlockingBroadcastChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new BlockingBroadcastChatServer().run(args);
    }

    @Override
    void deliver(Client recipient, String line) {
        try {
            synchronized (recipient.out) {
                VariantSupport.writeLine(recipient.out, line); // blocks while the recipient does not read
            }
        } catch (IOException e) {
            // the recipient is gone: its own reader thread notices
        }
    }
}
