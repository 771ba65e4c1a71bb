package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/** Mistake: drops rows that arrive before their frame's HEADER; must lose US-4. */
public final class NoEarlyRowsStreamReceiver extends StreamReceiverBase {

    public static void main(String[] args) throws IOException {
        new NoEarlyRowsStreamReceiver().run(args);
    }

    @Override
    boolean keepsRowsBeforeHeader() {
        return false;
    }
}
