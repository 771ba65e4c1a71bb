package io.socketlab.reference.filetransfer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.logging.Logger;

/** The server's folder: which names are valid, what LIST shows, where uploads land and downloads come from. */
final class FileStore {

    // FT-6: no slash, backslash or NUL can pass, so a name never leaves the folder; and no
    // leading dot, which rules out "." and ".." and keeps temporary files apart.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    private static final Logger LOG = Logger.getLogger(FileStore.class.getName());

    private final Path dir;
    private final BigInteger maxSize;

    /** Serves the files in {@code dir}, deleting the temporary files of a server killed mid-upload. */
    FileStore(Path dir, long maxSize) throws IOException {
        this.dir = dir;
        this.maxSize = BigInteger.valueOf(maxSize);
        String temporary = StagedFile.PREFIX + "*" + StagedFile.SUFFIX;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, temporary)) {
            for (Path leftover : leftovers) {
                LOG.info(() -> "deleting " + leftover + ", left by an upload that never finished");
                Files.deleteIfExists(leftover); // FT-4: no temporary file is left behind
            }
        }
    }

    /** FT-6: 1 to 255 of {@code [A-Za-z0-9._-]}, not starting with a dot. */
    static boolean isValidName(String name) {
        return NAME.matcher(name).matches() && !name.startsWith(".");
    }

    /** FT-6, FT-7: why a PUT of {@code size} bytes as {@code name} is refused at once, or null. */
    String refusal(String name, String size) {
        if (!isValidName(name)) {
            return "bad-name";
        }
        if (!size.matches("[0-9]+")) {
            return "bad-size"; // only a non-negative decimal integer is a size
        }
        // However many digits it has, a size is compared exactly: a huge one is too large, not bad.
        return new BigInteger(size).compareTo(maxSize) > 0 ? "too-large" : null;
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
     * @throws NoSuchFileException if there is no such regular file
     */
    FileChannel open(String name) throws IOException {
        Path file = dir.resolve(name);
        // Only regular files, and no symbolic links, which could lead out of the folder.
        if (!isValidName(name) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(name);
        }
        return FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    /** FT-3: one {@code <name> <size> <sha256>} line per file, sorted by name. */
    List<String> list() throws IOException {
        List<String> names;
        try (Stream<Path> entries = Files.list(dir)) {
            // Names are ASCII, so String order is byte order. Temporary files fail isValidName.
            names = entries.map(entry -> entry.getFileName().toString())
                    .filter(FileStore::isValidName).sorted().toList();
        }
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            try (FileChannel file = open(name)) {
                lines.add(name + " " + file.size() + " " + Content.sha256(file));
            } catch (NoSuchFileException e) {
                // Not a regular file, or deleted since the folder was read: not listed.
            }
        }
        return lines;
    }
}
