package io.socketlab.student.filetransfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/** The server's folder: which names are valid, what LIST shows, where uploads land and downloads come from. */
final class FileStore {

    private static final Logger LOG = Logger.getLogger(FileStore.class.getName());

    private final Path dir;
    private final long maxSize;

    /** Serves the files in {@code dir}, deleting the temporary files of a server killed mid-upload. */
    FileStore(Path dir, long maxSize) throws IOException {
        this.dir = dir;
        this.maxSize = maxSize;
        // TODO(FT-4): delete the files in dir named StagedFile.PREFIX + "*" + StagedFile.SUFFIX
        //   (Files.newDirectoryStream(dir, glob)): no temporary file may be left behind.
    }

    /** FT-6: 1 to 255 of {@code [A-Za-z0-9._-]}, not starting with a dot. */
    static boolean isValidName(String name) {
        // TODO(FT-6): a regular expression, plus !name.startsWith("."). This rules out "..",
        //   "/", "\" and NUL, so that a name can never lead out of the folder.
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }

    /** FT-6, FT-7: why a PUT of {@code size} bytes as {@code name} is refused at once, or null. */
    String refusal(String name, String size) {
        // TODO(FT-6): "bad-name" when !isValidName(name), checked first.
        // TODO(FT-7): then "bad-size" unless size is only digits ("-1", "+3", "1.5" and "" are
        //   bad), then "too-large" if it is above maxSize (compare with new BigInteger(size): a
        //   size of 30 digits is too large, not bad); otherwise null.
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }

    /** FT-1: receives {@code size} bytes into a temporary file of this folder. */
    StagedFile receive(InputStream in, long size) throws IOException {
        return StagedFile.receive(dir, in, size);
    }

    /** FT-4: makes verified content the file {@code name}. */
    void store(StagedFile content, String name) throws IOException {
        content.commit(dir.resolve(name));
    }

    /**
     * FT-2: opens the file {@code name} for reading. A PUT of the same name meanwhile replaces the
     * folder entry, not these bytes: an open file stays whole and unchanged (FT-4).
     *
     * @throws java.nio.file.NoSuchFileException if there is no such regular file
     */
    FileChannel open(String name) throws IOException {
        // TODO(FT-2): only a valid name of a regular file (Files.isRegularFile(file,
        //   LinkOption.NOFOLLOW_LINKS): no folders, no links leading elsewhere); otherwise throw
        //   new NoSuchFileException(name). Then FileChannel.open(file, READ).
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }

    /** FT-3: one {@code <name> <size> <sha256>} line per file, sorted by name. */
    List<String> list() throws IOException {
        // TODO(FT-3): Files.list(dir) (in try-with-resources), keep the valid names (this hides
        //   the temporary files), sort them, and for each one open(name) to get its size and
        //   Content.sha256(file). A file that vanished meanwhile (NoSuchFileException) is skipped.
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }
}
