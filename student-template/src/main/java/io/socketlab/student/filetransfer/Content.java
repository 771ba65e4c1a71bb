package io.socketlab.student.filetransfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
        // TODO(FT-2, FT-3): read the file chunk by chunk into a ByteBuffer of BUFFER_BYTES with
        //   file.read(buffer, position) (which leaves the channel's own position at 0, ready for
        //   sending), update a sha256() digest with each chunk, and return hex(digest).
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }

    /**
     * Copies exactly {@code size} bytes, chunk by chunk, and leaves what follows unread.
     *
     * @throws java.io.EOFException if {@code in} ends first
     */
    static void copy(InputStream in, OutputStream out, long size) throws IOException {
        // TODO(FT-1): loop with a byte[BUFFER_BYTES] buffer, asking read() for at most the bytes
        //   still owed (Math.min(buffer.length, left)): the digest line that follows the content
        //   must stay unread. read() returning -1 before the end is an EOFException. Never read
        //   the whole content into memory: it may be hundreds of MiB. size is a long.
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }
}
