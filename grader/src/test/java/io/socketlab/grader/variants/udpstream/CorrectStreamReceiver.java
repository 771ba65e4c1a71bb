package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/** The correct receiver the broken ones derive from; must lose nothing. */
public final class CorrectStreamReceiver extends StreamReceiverBase {

    public static void main(String[] args) throws IOException {
        new CorrectStreamReceiver().run(args);
    }
}
