package io.socketlab.student.filetransfer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Incoming content in a hidden temporary file, which takes its final name only once it has verified (FT-4, FT-11). */
final class StagedFile implements Closeable {

    /** Temporary names start with a dot, so they can never be a valid name for LIST or GET. */
    static final String PREFIX = ".incoming-";
    static final String SUFFIX = ".tmp";

    private final Path temp;
    private final String sha256;

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
        // TODO(FT-4): Files.createTempFile(dir, PREFIX, SUFFIX): in the same folder as the final
        //   file (so that the rename is atomic) and hidden by its leading dot.
        // TODO(FT-1): Content.copy(in, new DigestOutputStream(fileStream, digest), size), with
        //   digest = Content.sha256(), then return new StagedFile(temp, Content.hex(digest)).
        // TODO(FT-4): on any exception, delete the temporary file before rethrowing.
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }

    /** The SHA-256 of the content, in lowercase hex. */
    String sha256() {
        return sha256;
    }

    /** FT-4: puts the content under {@code target} in one step, replacing any file of that name. */
    void commit(Path target) throws IOException {
        // TODO(FT-4): first force the bytes to disk (FileChannel.open(temp, WRITE).force(true)),
        //   then Files.move(temp, target, ATOMIC_MOVE, REPLACE_EXISTING): readers see the old
        //   file or the new one, never a mix. Remember that the file was committed.
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }

    /** Deletes the temporary file unless it was committed: a failed transfer leaves nothing (FT-4, FT-5). */
    @Override
    public void close() throws IOException {
        // TODO(FT-4, FT-5): Files.deleteIfExists(temp) unless commit() succeeded.
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }
}
