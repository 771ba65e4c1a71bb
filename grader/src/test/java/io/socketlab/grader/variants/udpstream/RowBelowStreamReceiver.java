package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/** Mistake: conceals a missing row with the nearest received row below it; must lose US-2. */
public final class RowBelowStreamReceiver extends StreamReceiverBase {

    public static void main(String[] args) throws IOException {
        new RowBelowStreamReceiver().run(args);
    }

    @Override
    Integer concealWith(Frame frame, int y) {
        for (int below = y + 1; below < frame.height; below++) {
            if (frame.rows.containsKey(below)) {
                return below;
            }
        }
        return null;
    }
}
