package io.socketlab.reference.serialization;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** Reads and writes frames: a 4-byte big-endian length, then that many bytes of UTF-8 JSON (SER-1). */
final class Frames {

    /** The longest body allowed (SER-2); a list of 100 reports of the longest strings still fits. */
    static final int MAX_LENGTH = 1 << 20;

    /** Thrown when a length prefix is outside 1..{@link #MAX_LENGTH}; the body is left unread. */
    static final class BadLengthException extends IOException {

        BadLengthException(long length) {
            super("a frame length must be from 1 to " + MAX_LENGTH + ", not " + length);
        }
    }

    private Frames() {
    }

    /**
     * Returns the next frame's body, or null if the stream ends cleanly between frames.
     *
     * @throws java.io.EOFException if the stream ends inside a frame
     * @throws BadLengthException before reading (or allocating) a body of a forbidden length
     */
    static byte[] read(DataInputStream in) throws IOException {
        int first = in.read();
        if (first == -1) {
            return null;
        }
        // SER-1: the prefix may arrive one byte per TCP segment; readFully waits for all of it.
        byte[] prefix = new byte[4];
        prefix[0] = (byte) first;
        in.readFully(prefix, 1, 3);
        // The length is unsigned: 0x80000000 is 2 GiB, not a negative number.
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(prefix).getInt());
        // SER-2: check before allocating, so that announcing 2 GiB costs the server nothing.
        if (length < 1 || length > MAX_LENGTH) {
            throw new BadLengthException(length);
        }
        byte[] body = new byte[(int) length];
        in.readFully(body);
        return body;
    }

    /** Writes {@code body} as one frame, in one write call, then flushes. */
    static void write(OutputStream out, byte[] body) throws IOException {
        out.write(ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array());
        out.flush();
    }
}
