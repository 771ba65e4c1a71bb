package io.socketlab.grader.variants.udptransfer;

/** Mistake: sends every chunk once and then END, never resending a DATA; must lose UT-12. */
public final class NoRetransmitUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new NoRetransmitUdpClient().run(args);
    }

    @Override
    boolean retransmits() {
        return false;
    }
}
