package io.socketlab.grader.variants.udptransfer;

import io.socketlab.grader.variants.VariantSupport;

/**
 * Mistake: prints the same line for ERROR 1 and ERROR 2, so the student cannot tell which refusal came; must lose
 * UT-15.
 */
public final class SameErrorLineUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new SameErrorLineUdpClient().run(args);
    }

    @Override
    void errorReply(byte code) {
        VariantSupport.die(1, "the server refused the file");
    }
}
