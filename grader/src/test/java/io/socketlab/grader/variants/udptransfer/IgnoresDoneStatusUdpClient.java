package io.socketlab.grader.variants.udptransfer;

/** Mistake: takes any DONE as success and prints OK, although status 1 says nothing was stored; must lose UT-15. */
public final class IgnoresDoneStatusUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new IgnoresDoneStatusUdpClient().run(args);
    }

    @Override
    void doneReply(byte status) {
    }
}
