package io.socketlab.grader.variants.udptransfer;

/**
 * Mistake: sends END once and waits for DONE: when the DONE is lost, it waits until 10 s of silence end it with
 * exit 2, although the file was stored; must lose UT-12.
 */
public final class EndOnceUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new EndOnceUdpClient().run(args);
    }

    @Override
    boolean resends(byte[] request) {
        return request[0] != 3;
    }
}
