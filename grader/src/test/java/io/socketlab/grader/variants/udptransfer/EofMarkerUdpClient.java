package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Mistake: ends the chunks with an empty DATA past the last seq as an end-of-file marker; must lose UT-14. */
public final class EofMarkerUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new EofMarkerUdpClient().run(args);
    }

    @Override
    void afterLastChunk(byte[] content) throws IOException {
        int chunks = (content.length + CHUNK - 1) / CHUNK;
        send(ByteBuffer.allocate(9).put((byte) 2).putInt(tid).putInt(chunks).array());
    }
}
