package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/**
 * Mistake: remembers only the frame it wrote last, so late datagrams of an earlier frame start it again and it is
 * written a second time; must lose US-9.
 */
public final class LastFrameOnlyStreamReceiver extends StreamReceiverBase {

    private long last = -1;

    public static void main(String[] args) throws IOException {
        new LastFrameOnlyStreamReceiver().run(args);
    }

    @Override
    boolean alreadyWritten(long number) {
        return number == last;
    }

    @Override
    void rememberWritten(long number) {
        last = number;
    }
}
