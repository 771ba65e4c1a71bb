package io.socketlab.grader.variants.udptransfer;

import io.socketlab.grader.variants.VariantSupport;

/** Mistake: gives up (exit 2) at the first timeout instead of after 10 s of silence; must lose UT-12. */
public final class GivesUpUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new GivesUpUdpClient().run(args);
    }

    @Override
    void timedOut() {
        VariantSupport.die(2, "no reply from the server");
    }
}
