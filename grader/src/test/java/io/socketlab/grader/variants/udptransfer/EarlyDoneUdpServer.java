package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;

/**
 * Mistake: answers an END that comes while chunks are missing with DONE 1 and closes the transfer, although the missing
 * chunks are on their way; must lose UT-5.
 */
public final class EarlyDoneUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new EarlyDoneUdpServer().run(args);
    }

    @Override
    boolean refusesEarlyEnd() {
        return true;
    }
}
