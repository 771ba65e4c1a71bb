package io.socketlab.grader.variants.udptransfer;

import java.util.BitSet;

/**
 * Mistake: reads an ACK as TCP's cumulative one, acknowledging its chunk and every chunk before it, so a chunk lost
 * while later ones got through is never sent again; must lose UT-12.
 */
public final class CumulativeAckUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new CumulativeAckUdpClient().run(args);
    }

    @Override
    void acknowledge(BitSet acked, int seq, int base) {
        acked.set(0, seq + 1);
    }
}
