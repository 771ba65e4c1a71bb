package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/** Mistake: writes a frame only on END, so a frame whose ENDs are lost waits forever; must lose US-5. */
public final class NoIdleWriteStreamReceiver extends StreamReceiverBase {

    public static void main(String[] args) throws IOException {
        new NoIdleWriteStreamReceiver().run(args);
    }

    @Override
    boolean writesWhenIdle() {
        return false;
    }
}
