package io.socketlab.grader.variants.udptransfer;

/** The correct base: must lose nothing. */
public final class CorrectUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new CorrectUdpClient().run(args);
    }
}
