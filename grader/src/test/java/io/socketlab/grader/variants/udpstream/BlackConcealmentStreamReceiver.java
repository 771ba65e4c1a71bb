package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/** Mistake: leaves every missing row black instead of copying the row above; must lose US-2. */
public final class BlackConcealmentStreamReceiver extends StreamReceiverBase {

    public static void main(String[] args) throws IOException {
        new BlackConcealmentStreamReceiver().run(args);
    }

    @Override
    Integer concealWith(Frame frame, int y) {
        return null;
    }
}
