package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/**
 * Mistake: one idle clock for the whole socket ("2 s without any datagram"), so a frame whose END is lost waits
 * while other frames stream; must lose US-5.
 */
public final class GlobalIdleStreamReceiver extends StreamReceiverBase {

    public static void main(String[] args) throws IOException {
        new GlobalIdleStreamReceiver().run(args);
    }

    @Override
    long idleSince(Frame frame) {
        return lastDatagramNanos;
    }
}
