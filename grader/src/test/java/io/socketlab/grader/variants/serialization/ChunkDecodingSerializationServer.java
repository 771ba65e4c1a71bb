package io.socketlab.grader.variants.serialization;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Mistake: decodes each chunk of the body as it arrives ({@code text.append(new String(buf, 0, n, UTF_8))}), so a
 * multibyte character cut between two TCP segments turns into U+FFFD: the report is stored with a damaged hostname;
 * must lose SER-1.
 */
public final class ChunkDecodingSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new ChunkDecodingSerializationServer().run(args);
    }

    @Override
    byte[] readBody(InputStream in, long length) throws IOException {
        if (length < 1 || length > MAX_FRAME) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        byte[] buf = new byte[8192];
        for (long left = length; left > 0; ) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new EOFException("end of stream inside a frame");
            }
            text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            left -= n;
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
