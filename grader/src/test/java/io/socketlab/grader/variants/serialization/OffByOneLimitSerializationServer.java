package io.socketlab.grader.variants.serialization;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Mistake: refuses {@code L >= 1048576}, so a frame of exactly 1 MiB, the largest allowed, gets bad-length; must lose SER-2. */
public final class OffByOneLimitSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new OffByOneLimitSerializationServer().run(args);
    }

    @Override
    byte[] readBody(InputStream in, long length) throws IOException {
        if (length < 1 || length >= MAX_FRAME) {
            return null;
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("end of stream inside a frame");
        }
        return body;
    }
}
