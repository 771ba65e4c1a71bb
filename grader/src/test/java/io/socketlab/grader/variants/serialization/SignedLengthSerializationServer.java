package io.socketlab.grader.variants.serialization;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Mistake: takes the prefix as a signed 32-bit number, as {@code DataInputStream.readInt()} returns it, and checks
 * only {@code L == 0 || L > 1048576}: a prefix of 2^31 or more is negative, passes the check and makes the read
 * throw, so the client gets a close instead of bad-length; must lose SER-2.
 */
public final class SignedLengthSerializationServer extends SerializationServerBase {

    public static void main(String[] args) throws IOException {
        new SignedLengthSerializationServer().run(args);
    }

    @Override
    byte[] readBody(InputStream in, long length) throws IOException {
        int signed = (int) length; // what readInt() would have returned
        if (signed == 0 || signed > MAX_FRAME) {
            return null;
        }
        byte[] body = in.readNBytes(signed); // a negative length: IllegalArgumentException
        if (body.length < signed) {
            throw new EOFException("end of stream inside a frame");
        }
        return body;
    }
}
