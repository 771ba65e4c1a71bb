package io.socketlab.grader.variants.echo;

import java.io.IOException;

/** Mistake: serves TCP only and opens no UDP socket; must lose ECHO-5. */
public final class NoUdpEchoServer extends EchoServerBase {

    public static void main(String[] args) throws IOException {
        new NoUdpEchoServer().run(args);
    }

    @Override
    boolean servesUdp() {
        return false;
    }
}
