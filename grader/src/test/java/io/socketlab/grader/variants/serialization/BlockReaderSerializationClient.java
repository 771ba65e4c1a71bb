package io.socketlab.grader.variants.serialization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Mistake: reads the answer in blocks of 1024 bytes until one comes back short, then takes what it has as the frame,
 * ignoring the announced length: an answer that arrives in pieces is cut at the first pause; must lose SER-10.
 */
public final class BlockReaderSerializationClient extends SerializationClientBase {

    public static void main(String[] args) {
        new BlockReaderSerializationClient().run(args);
    }

    @Override
    byte[] readFrame(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] block = new byte[1024];
        int n;
        do {
            n = in.read(block);
            if (n > 0) {
                all.write(block, 0, n);
            }
        } while (n == block.length);
        byte[] bytes = all.toByteArray();
        return bytes.length <= 4 ? new byte[0] : Arrays.copyOfRange(bytes, 4, bytes.length);
    }
}
