package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/** Mistake: reads a datagram's fields without checking its length first, and dies on a truncated one; must lose US-8. */
public final class TruncationCrashStreamReceiver extends StreamReceiverBase {

    public static void main(String[] args) throws IOException {
        new TruncationCrashStreamReceiver().run(args);
    }

    @Override
    boolean tooShort(int length) {
        return false;
    }
}
