package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;

/** Mistake: answers only the first complete END; a repeated END (its DONE was lost) gets nothing; must lose UT-5. */
public final class DoneOnceUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new DoneOnceUdpServer().run(args);
    }

    @Override
    boolean repeatsDone() {
        return false;
    }
}
