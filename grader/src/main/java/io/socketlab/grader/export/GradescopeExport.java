package io.socketlab.grader.export;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Gradescope's autograder zip ({@code gradescope/autograder_samples}, docs/specs.md): {@code setup.sh} and
 * {@code run_autograder} at its root, and {@code socketlab/}, a small repository the full grader runs in — the full
 * grader jar (every suite, hidden ones included: students never see the zip), the built reference (the peer of the
 * cross-tests) with its jars in {@code lib/}, the course's template poms and sources (to compile Java submissions
 * offline), and {@code socketlab.properties} (what is graded, in which language).
 *
 * <p>The zip is the same bytes for the same inputs: sorted entries, one fixed time.
 */
public final class GradescopeExport {

    private static final String RESOURCES = "gradescope/";
    /** Every entry's time: the one the reproducible build stamps on the grader's own classes. */
    private static final long ENTRY_TIME = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private final Path from;
    private final Path fullJar;
    private final List<String> exercises;
    private final String lang;

    /**
     * @param from    the harness repository, built ({@code reference/target/classes} and its runtime classpath)
     * @param fullJar the full grader jar to ship
     */
    public GradescopeExport(Path from, Path fullJar, List<String> exercises, String lang) {
        this.from = from;
        this.fullJar = fullJar;
        this.exercises = List.copyOf(exercises);
        this.lang = lang;
    }

    /** Every file of the zip by its path, in order. */
    public Map<String, byte[]> files() {
        Path reference = from.resolve("reference/target");
        if (!Files.isDirectory(reference.resolve("classes")) || !Files.isRegularFile(reference.resolve("runtime-classpath.txt"))) {
            throw new IllegalArgumentException("the reference is not built in " + from
                    + ": run `mvn -B package -DskipTests` there first");
        }
        if (!Files.isRegularFile(fullJar)) {
            throw new IllegalArgumentException("no full grader jar at " + fullJar);
        }
        Map<String, byte[]> files = new TreeMap<>();
        files.put("setup.sh", utf8(StudentExport.resource(RESOURCES + "setup.sh")));
        files.put("run_autograder", utf8(StudentExport.resource(RESOURCES + "run_autograder")));
        files.put("socketlab/socketlab.properties", utf8("# What run_autograder grades (edit and zip again to change it)\n"
                + "exercises=" + String.join(",", exercises) + "\nlang=" + lang + "\nsandbox=ns\n"));
        files.put("socketlab/pom.xml", utf8(StudentExport.parentPom(read(from.resolve("pom.xml")))));
        copyTree(from.resolve("student-template"), "socketlab/student-template/", files,
                relative -> StudentExport.isSource(relative));
        files.put("socketlab/grader/target/socketlab-grader.jar", bytes(fullJar));
        copyTree(reference.resolve("classes"), "socketlab/reference/target/classes/", files, relative -> true);
        List<String> lib = new ArrayList<>();
        for (String jar : read(reference.resolve("runtime-classpath.txt")).strip().split(File.pathSeparator)) {
            if (jar.isBlank()) {
                continue;
            }
            Path path = Path.of(jar);
            files.put("socketlab/lib/" + path.getFileName(), bytes(path));
            lib.add("@LIB@/" + path.getFileName());
        }
        files.put("socketlab/reference/target/runtime-classpath.txt.in", utf8(String.join(":", lib) + "\n"));
        return files;
    }

    /** Writes the zip to {@code zip}, replacing it; returns the number of entries. */
    public int writeTo(Path zip) {
        Map<String, byte[]> files = files();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(ENTRY_TIME);
                out.putNextEntry(entry);
                out.write(file.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the zip", e);
        }
        try {
            if (zip.toAbsolutePath().getParent() != null) {
                Files.createDirectories(zip.toAbsolutePath().getParent());
            }
            Path partial = Files.createTempFile(zip.toAbsolutePath().getParent(), ".autograder", ".partial");
            Files.write(partial, buffer.toByteArray());
            Files.move(partial, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip, e);
        }
        return files.size();
    }

    private static void copyTree(Path dir, String prefix, Map<String, byte[]> files,
                                 java.util.function.Predicate<Path> keep) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                Path relative = dir.relativize(file);
                if (keep.test(relative)) {
                    files.put(prefix + relative.toString().replace(File.separatorChar, '/'), bytes(file));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
