package io.socketlab.grader.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Writing an export's files into a folder: a new or empty one only, scripts made executable. */
final class ExportFiles {

    private ExportFiles() {
    }

    /** Writes {@code files} (by '/'-separated relative path) into {@code out}; {@code executables} get mode 755. */
    static void writeInto(Path out, Map<String, byte[]> files, Set<String> executables) {
        try {
            if (Files.isDirectory(out)) {
                try (Stream<Path> entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(out + " is not empty: export into a new or empty folder");
                    }
                }
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = out.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
                if (executables.contains(file.getKey())) {
                    makeExecutable(target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export to " + out, e);
        }
    }

    static void makeExecutable(Path script) throws IOException {
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): scripts there run through `sh`.
        }
    }
}
