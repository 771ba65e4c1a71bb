package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/** Mistake: counts every ROW datagram, duplicates included, in FRAME F r/h; must lose US-7. */
public final class DuplicatesCountedStreamReceiver extends StreamReceiverBase {

    public static void main(String[] args) throws IOException {
        new DuplicatesCountedStreamReceiver().run(args);
    }

    @Override
    int received(Frame frame) {
        return frame.rows.size() + frame.duplicates;
    }
}
