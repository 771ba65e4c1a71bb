package io.socketlab.student.udptransfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The datagram layouts of udp-transfer: type bytes, sizes and limits, all integers big-endian (UT-1). */
final class Wire {

    static final byte START = 0x01;
    static final byte DATA = 0x02;
    static final byte END = 0x03;
    static final byte START_ACK = 0x11;
    static final byte ACK = 0x12;
    static final byte DONE = 0x13;
    static final byte ERROR = 0x1F;

    /** Every chunk holds exactly this many bytes, except the last one of a file. */
    static final int CHUNK_BYTES = 1024;
    /** UT-7: the largest file a server accepts; exactly this size is still fine. */
    static final long MAX_FILE_BYTES = 64L << 20;

    /** type, tid, size, nameLen: the name follows. */
    static final int START_HEADER_BYTES = 1 + 4 + 8 + 1;
    /** type, tid, seq: the payload follows. */
    static final int DATA_HEADER_BYTES = 1 + 4 + 4;
    static final int DIGEST_BYTES = 32;
    static final int END_BYTES = 1 + 4 + DIGEST_BYTES;

    static final byte ERROR_BAD_NAME = 1;
    static final byte ERROR_TOO_LARGE = 2;

    /** Big enough for any UDP datagram, so an oversized one is seen whole and refused, never cut to fit. */
    static final int RECEIVE_BUFFER_BYTES = 65_535;

    private Wire() {
    }

    /** The number of chunks of a file of {@code size} bytes: ceil(size / 1024); none for an empty file. */
    static long chunkCount(long size) {
        return (size + CHUNK_BYTES - 1) / CHUNK_BYTES;
    }

    /** The payload length chunk {@code seq} must have in a file of {@code size} bytes. */
    static int chunkLength(long size, long seq) {
        return (int) Math.min(CHUNK_BYTES, size - seq * CHUNK_BYTES);
    }

    /** {@code type tid:u32}, then room for {@code extra} more bytes. */
    static ByteBuffer message(byte type, int tid, int extra) {
        return ByteBuffer.allocate(1 + 4 + extra).put(type).putInt(tid);
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The SHA-256 of a whole file, read from its start in pieces: a 64 MiB file is never held in memory. */
    static byte[] sha256(FileChannel file) throws IOException {
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = 0;
        for (int n = file.read(buffer, position); n != -1; n = file.read(buffer, position)) {
            position += n;
            digest.update(buffer.flip());
            buffer.clear();
        }
        return digest.digest();
    }
}
