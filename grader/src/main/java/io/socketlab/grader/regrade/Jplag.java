package io.socketlab.grader.regrade;

import io.socketlab.grader.classreport.Similarity;
import io.socketlab.grader.process.Targets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The similarity check: JPlag over the graded Java submissions, with the template as base code (what every student
 * was given does not count as similar). JPlag needs a JDK 21+, so it runs as a program of its own on one, with its
 * jars from a cache that {@code grader/jplag/pom.xml} fills; where either is missing it says so and nothing runs.
 */
public final class Jplag {

    /** Where the similarity check writes (inside the regrade's folder). */
    public static final String FOLDER = "similarity";
    public static final String REPORT = FOLDER + "/jplag-report.zip";
    static final String DEFAULT_CACHE = ".cache/socketlab/jplag";
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final Path jars;
    private final Path java;

    /**
     * @param jars JPlag's jars (null: {@code SOCKETLAB_JPLAG_CLASSPATH}, else {@code ~/.cache/socketlab/jplag})
     * @param java a JDK 21+'s {@code java} (null: {@code SOCKETLAB_JPLAG_JAVA}, this JVM if it is one, else the
     *             newest under {@code /usr/lib/jvm})
     */
    public Jplag(Path jars, Path java) {
        this.jars = jars != null ? jars : Optional.ofNullable(System.getenv("SOCKETLAB_JPLAG_CLASSPATH")).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home")).resolve(DEFAULT_CACHE));
        this.java = java != null ? java : Optional.ofNullable(System.getenv("SOCKETLAB_JPLAG_JAVA")).map(Path::of)
                .orElseGet(Jplag::findJdk21);
    }

    /** Compares the Java sources under {@code students/<name>/source}, writing JPlag's report under {@code out}. */
    public Similarity compare(Path students, Path out) throws InterruptedException {
        if (java == null) {
            return Similarity.skipped("Similarity not checked: JPlag needs a JDK 21 or newer, and none was found "
                    + "(this JVM is " + Runtime.version().feature() + "; set SOCKETLAB_JPLAG_JAVA or --jplag-java).");
        }
        if (!Files.isRegularFile(java)) {
            return Similarity.skipped("Similarity not checked: " + java + " is not a java program.");
        }
        if (!hasJar("jplag-") || !hasJar("java-")) {
            return Similarity.skipped("Similarity not checked: JPlag's jars are not in " + jars
                    + " (fetch them with `mvn -B -q -f grader/jplag/pom.xml package`, or pass --jplag-classpath).");
        }
        Path folder = out.resolve(FOLDER);
        Tree.delete(folder);
        try {
            Path submissions = Files.createDirectories(folder.resolve("submissions"));
            int count = 0;
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(students, Files::isDirectory)) {
                for (Path student : dirs) {
                    Path source = student.resolve(StudentRegrade.SOURCE);
                    if (!student.getFileName().toString().startsWith(".") && hasJava(source)) {
                        copy(source, submissions.resolve(student.getFileName().toString()));
                        count++;
                    }
                }
            }
            if (count < 2) {
                Tree.delete(folder);
                return Similarity.skipped("Similarity not checked: " + count + " Java submission" + (count == 1 ? "" : "s")
                        + " graded, fewer than two to compare.");
            }
            Path base = folder.resolve("base");
            Optional<Path> template = Targets.home().map(h -> h.resolve("student-template/src/main/java"))
                    .filter(Files::isDirectory);
            if (template.isPresent()) {
                copy(template.get(), base);
            } else {
                Files.createDirectories(base);
            }
            Path runner = folder.resolve("JplagMain.java");
            try (InputStream in = Jplag.class.getResourceAsStream("JplagMain.java")) {
                Files.copy(in, runner);
            }
            Path pairs = folder.resolve("pairs.csv");
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", jars + "/*", runner.toString(),
                    base.toString(), submissions.toString(), out.resolve(REPORT).toString(), pairs.toString())
                    .directory(folder.toFile());
            builder.environment().keySet().retainAll(List.of("PATH", "HOME", "LANG", "TZ"));
            BoundedProcess.Result result = BoundedProcess.run(builder, TIMEOUT);
            Tree.delete(submissions);
            Tree.delete(base);
            Files.deleteIfExists(runner);
            if (!result.succeeded() || !Files.isRegularFile(pairs)) {
                return Similarity.skipped("Similarity not checked: JPlag " + (result.timedOut()
                        ? "ran out of its " + TIMEOUT.toMinutes() + " min" : "failed: " + result.lastWords(300)));
            }
            List<Similarity.Pair> found = new ArrayList<>();
            for (String line : Files.readAllLines(pairs, StandardCharsets.UTF_8).stream().skip(1).toList()) {
                String[] fields = line.split(",");
                if (fields.length == 4) {
                    found.add(new Similarity.Pair(fields[0], fields[1], Double.parseDouble(fields[2]),
                            Double.parseDouble(fields[3])));
                }
            }
            return new Similarity(true, String.format(Locale.ROOT, "JPlag compared %d Java submissions (%d pairs), "
                    + "with the template as base code: the most similar pairs first.", count, found.size()),
                    found, REPORT);
        } catch (IOException e) {
            return Similarity.skipped("Similarity not checked: " + e.getMessage());
        }
    }

    private boolean hasJar(String prefix) {
        try (Stream<Path> files = Files.list(jars)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".jar"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasJava(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    /** This JVM when it is 21+, else the newest JDK 21+ under /usr/lib/jvm (read from its {@code release} file). */
    static Path findJdk21() {
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        Path best = null;
        int bestVersion = 20;
        try (DirectoryStream<Path> jdks = Files.newDirectoryStream(Path.of("/usr/lib/jvm"), Files::isDirectory)) {
            for (Path jdk : jdks) {
                int version = releaseVersion(jdk.resolve("release"));
                if (version > bestVersion && Files.isExecutable(jdk.resolve("bin/java"))) {
                    best = jdk.resolve("bin/java");
                    bestVersion = version;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return best;
    }

    private static int releaseVersion(Path release) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
            String version = properties.getProperty("JAVA_VERSION", "0").replace("\"", "");
            return Integer.parseInt(version.split("[.+-]")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
