package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/** Mistake: prints the frame number as a signed 32-bit int ({@code FRAME -1 4/4} for 4294967295); must lose US-1. */
public final class SignedFrameStreamReceiver extends StreamReceiverBase {

    public static void main(String[] args) throws IOException {
        new SignedFrameStreamReceiver().run(args);
    }

    @Override
    String decimal(long number) {
        return Integer.toString((int) number);
    }
}
