package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/**
 * Mistake: ignores END and writes every frame once it has been idle for 2 s, so a frame is always 2 s late, and never
 * written while its datagrams keep coming; must lose US-1.
 */
public final class IdleOnlyStreamReceiver extends StreamReceiverBase {

    public static void main(String[] args) throws IOException {
        new IdleOnlyStreamReceiver().run(args);
    }

    @Override
    boolean writesOnEnd() {
        return false;
    }
}
