package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;

/**
 * Mistake: opens a new temporary file for every START, repeated ones included, so the chunks received before a repeated
 * START are lost; must lose UT-3.
 */
public final class RestartsOnStartUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new RestartsOnStartUdpServer().run(args);
    }

    @Override
    boolean repeats(Transfer t, String name, long size) {
        return false;
    }
}
