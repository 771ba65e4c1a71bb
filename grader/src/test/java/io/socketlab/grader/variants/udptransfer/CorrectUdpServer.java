package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;

/** The correct base: must lose nothing. */
public final class CorrectUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new CorrectUdpServer().run(args);
    }
}
