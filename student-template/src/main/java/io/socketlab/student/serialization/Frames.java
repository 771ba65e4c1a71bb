package io.socketlab.student.serialization;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;

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
        // TODO(SER-1): read the first byte with in.read(); -1 means the client closed between
        //   frames: return null. Then in.readFully(...) the other 3 bytes of the prefix. Never
        //   assume one read() returns all 4 bytes: the prefix may arrive one byte per segment.
        // TODO(SER-1): the length is UNSIGNED: Integer.toUnsignedLong(ByteBuffer.wrap(prefix).getInt()),
        //   so that 0x80000000 is 2 GiB, not a negative number.
        // TODO(SER-2): if the length is 0 or above MAX_LENGTH, throw new BadLengthException(length)
        //   BEFORE allocating anything: announcing 2 GiB must not cost the server 2 GiB.
        // TODO(SER-1): allocate the body and in.readFully(body): it may come in many pieces.
        throw new UnsupportedOperationException("not implemented yet: see specs/serialization.md");
    }

    /** Writes {@code body} as one frame, in one write call, then flushes. */
    static void write(OutputStream out, byte[] body) throws IOException {
        // TODO(SER-1): the 4-byte big-endian length, then the body, in ONE write call (e.g.
        //   ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array()); then flush.
        throw new UnsupportedOperationException("not implemented yet: see specs/serialization.md");
    }
}
