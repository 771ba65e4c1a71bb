package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;

/**
 * Mistake: counts size / 1024 + 1 chunks, so a file whose size is a multiple of 1024 waits forever for an empty last
 * chunk; must lose UT-1.
 */
public final class ExtraChunkUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new ExtraChunkUdpServer().run(args);
    }

    @Override
    long chunkCount(long size) {
        return size / 1024 + 1;
    }
}
