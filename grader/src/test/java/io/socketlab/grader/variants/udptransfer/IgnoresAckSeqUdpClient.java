package io.socketlab.grader.variants.udptransfer;

import java.util.BitSet;

/**
 * Mistake: takes any ACK of its transfer as the ACK of the oldest chunk still waiting, without reading its seq: right
 * while ACKs come in order, wrong when a late duplicate ACK arrives in place of a lost chunk's; must lose UT-12.
 */
public final class IgnoresAckSeqUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new IgnoresAckSeqUdpClient().run(args);
    }

    @Override
    void acknowledge(BitSet acked, int seq, int base) {
        acked.set(acked.nextClearBit(base));
    }
}
