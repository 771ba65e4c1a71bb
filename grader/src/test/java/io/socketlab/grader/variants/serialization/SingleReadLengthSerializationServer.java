package io.socketlab.grader.variants.serialization;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Mistake: reads the 4-byte length with one {@code read(byte[4])} and takes whatever came as the
 * length, so a prefix split across segments is misread; must lose SER-1.
 */
public final class SingleReadLengthSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new SingleReadLengthSerializationServer().run(args);
    }

    @Override
    long readLength(InputStream in) throws IOException {
        byte[] prefix = new byte[4];
        if (in.read(prefix) < 0) { // the classic conn.recv(4): bytes that did not come yet count as 0
            return -1;
        }
        return Integer.toUnsignedLong(ByteBuffer.wrap(prefix).getInt());
    }
}
