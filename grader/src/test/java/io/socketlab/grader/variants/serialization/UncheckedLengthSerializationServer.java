package io.socketlab.grader.variants.serialization;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Mistake: allocates {@code new byte[L]} for any announced length without checking 1..1048576, so
 * L = 0 gets no bad-length and a 2 GiB announcement is allocated (or fails) instead of refused;
 * must lose SER-2.
 */
public final class UncheckedLengthSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new UncheckedLengthSerializationServer().run(args);
    }

    @Override
    byte[] readBody(InputStream in, long length) throws IOException {
        byte[] body = new byte[(int) length];
        if (in.readNBytes(body, 0, body.length) < body.length) {
            throw new EOFException("end of stream inside a frame");
        }
        return body;
    }
}
