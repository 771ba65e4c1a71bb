package io.socketlab.grader.variants.echo;

import java.io.IOException;

/** Mistake: in --udp mode sends each datagram once and never retransmits; must lose ECHO-9. */
public final class NoRetryUdpEchoClient extends EchoClientBase {

    public static void main(String[] args) throws IOException {
        new NoRetryUdpEchoClient().run(args);
    }

    @Override
    int maxSends() {
        return 1;
    }
}
