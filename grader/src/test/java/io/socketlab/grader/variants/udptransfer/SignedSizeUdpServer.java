package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;

/**
 * Mistake: reads size as a signed 64-bit number, so 0xffffffffffffffff is -1 and passes the size check; must lose UT-7.
 */
public final class SignedSizeUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new SignedSizeUdpServer().run(args);
    }

    @Override
    boolean tooLarge(long size) {
        return size > MAX_SIZE;
    }
}
