package io.socketlab.grader.variants.udptransfer;

/** Mistake: sends START again every 300 ms however long the server stays silent; must lose UT-18. */
public final class NoBackOffUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new NoBackOffUdpClient().run(args);
    }

    @Override
    long backOff(long wait) {
        return wait;
    }
}
