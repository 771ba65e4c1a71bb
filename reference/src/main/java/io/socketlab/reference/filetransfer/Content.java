package io.socketlab.reference.filetransfer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Moves exact numbers of bytes and computes their SHA-256, for the server and the client alike. */
final class Content {

    /** Big enough to keep disk and network busy, small enough that content is never held whole. */
    static final int BUFFER_BYTES = 64 * 1024;

    private Content() {
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Finishes {@code digest}, which resets it, and returns it in lowercase hex, as the protocol writes it. */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of a whole file, read from its start; the channel is left open. */
    static String sha256(FileChannel file) throws IOException {
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        long position = 0;
        for (int n = file.read(buffer, position); n != -1; n = file.read(buffer, position)) {
            position += n;
            digest.update(buffer.flip());
            buffer.clear();
        }
        return hex(digest);
    }

    /**
     * Copies exactly {@code size} bytes, chunk by chunk, and leaves what follows unread.
     *
     * @throws EOFException if {@code in} ends first
     */
    static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        for (long left = size; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n == -1) {
                throw new EOFException("the stream ended " + left + " bytes short of " + size);
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
