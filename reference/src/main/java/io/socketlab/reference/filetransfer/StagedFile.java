package io.socketlab.reference.filetransfer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/** Incoming content in a hidden temporary file, which takes its final name only once it has verified (FT-4, FT-11). */
final class StagedFile implements Closeable {

    /** Temporary names start with a dot, so they can never be a valid name for LIST or GET. */
    static final String PREFIX = ".incoming-";
    static final String SUFFIX = ".tmp";

    private final Path temp;
    private final String sha256;
    private boolean committed;

    private StagedFile(Path temp, String sha256) {
        this.temp = temp;
        this.sha256 = sha256;
    }

    /**
     * Streams exactly {@code size} bytes from {@code in} into a new temporary file in {@code dir},
     * computing their SHA-256 on the way, so that no content is ever held in memory whole (FT-1).
     *
     * @throws java.io.EOFException if {@code in} ends first; the temporary file is then gone
     */
    static StagedFile receive(Path dir, InputStream in, long size) throws IOException {
        Path temp = Files.createTempFile(dir, PREFIX, SUFFIX);
        try (OutputStream file = Files.newOutputStream(temp)) {
            MessageDigest digest = Content.sha256();
            Content.copy(in, new DigestOutputStream(file, digest), size);
            return new StagedFile(temp, Content.hex(digest));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp); // FT-4: a transfer cut short leaves nothing behind
            throw e;
        }
    }

    /** The SHA-256 of the content, in lowercase hex. */
    String sha256() {
        return sha256;
    }

    /** FT-4: puts the content under {@code target} in one step, replacing any file of that name. */
    void commit(Path target) throws IOException {
        // The bytes reach the disk before the name does: a crash never leaves a short file under it.
        try (FileChannel file = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            file.force(true);
        }
        // A rename within one folder is atomic: readers see the old file or the new one, never a mix.
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    /** Deletes the temporary file unless it was committed: a failed transfer leaves nothing (FT-4, FT-5). */
    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(temp);
        }
    }
}
