package io.socketlab.grader.variants.udptransfer;

import java.util.BitSet;

/**
 * Mistake: resends a chunk only once a later chunk has been acknowledged (it takes that as the sign of a gap), so
 * the last chunk, with nothing after it, is never sent again when it is lost; must lose UT-12.
 */
public final class GapOnlyResendUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new GapOnlyResendUdpClient().run(args);
    }

    @Override
    boolean mayResend(BitSet acked, int seq) {
        return acked.nextSetBit(seq + 1) >= 0;
    }
}
