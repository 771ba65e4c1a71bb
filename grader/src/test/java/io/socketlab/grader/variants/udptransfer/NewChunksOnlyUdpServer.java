package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;

/**
 * Mistake: acknowledges only chunks it has not seen yet, so a client whose ACK was lost sends that chunk forever; must
 * lose UT-4.
 */
public final class NewChunksOnlyUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new NewChunksOnlyUdpServer().run(args);
    }

    @Override
    boolean acknowledgesDuplicates() {
        return false;
    }
}
