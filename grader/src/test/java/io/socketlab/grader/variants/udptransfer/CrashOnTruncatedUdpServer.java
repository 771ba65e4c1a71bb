package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;

/** Mistake: reads every datagram's fields without checking its length, so a truncated one kills it; must lose UT-9. */
public final class CrashOnTruncatedUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new CrashOnTruncatedUdpServer().run(args);
    }

    @Override
    boolean wellFormed(byte[] d) {
        return d.length > 0 && d[0] >= 1 && d[0] <= 3;
    }
}
