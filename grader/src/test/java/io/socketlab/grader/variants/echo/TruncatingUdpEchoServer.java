package io.socketlab.grader.variants.echo;

import java.io.IOException;

/**
 * Mistake: receives UDP into a 1024-byte buffer, so larger datagrams come back truncated; must
 * lose ECHO-5.
 */
public final class TruncatingUdpEchoServer extends EchoServerBase {

    public static void main(String[] args) throws IOException {
        new TruncatingUdpEchoServer().run(args);
    }

    @Override
    int udpBufferBytes() {
        return 1024;
    }
}
