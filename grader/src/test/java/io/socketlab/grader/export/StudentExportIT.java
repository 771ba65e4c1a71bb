package io.socketlab.grader.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socketlab.grader.session.Suites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What grade.yml does with a student's repository, end to end with the packaged jar: export it, build it offline
 * with Maven as a student would, grade it with the grader from this tree, and compare its protected files.
 */
class StudentExportIT {

    private static final Path JAR = Path.of(System.getProperty("grader.jar", "target/socketlab-grader.jar"))
            .toAbsolutePath();
    /** grader/target/socketlab-grader.jar: the repository is three levels up. */
    private static final Path HOME = JAR.getParent().getParent().getParent();

    private record Run(int exitCode, String stdout) {
    }

    @Test
    void anExportedRepositoryBuildsGradesAndHasNoEditsUntilOneIsMade(@TempDir Path dir) throws Exception {
        // Surefire picks this class up too under -Dtest='*Export*'; only failsafe runs it on the jar just packaged.
        assumeTrue(System.getProperty("grader.jar") != null, "skipped: runs under failsafe (mvn verify), after package");
        Path students = dir.resolve("students");
        String[] pins = {"--from", HOME.toString(), "--upstream", "uni/socketlab", "--upstream-ref", "v1"};

        Run export = java(dir, List.of(), concat(List.of("export-student", "--out", students.toString()), pins));
        assertThat(export.exitCode()).as(export.stdout()).isZero();
        assertThat(students.resolve("reference")).doesNotExist();
        // Run as a jar, the export pins the public jar built beside it: student-side grading never has hidden tests.
        assertThat(students.resolve(".github/workflows/grade.yml")).content()
                .contains("  SOCKETLAB_GRADER_SHA256: \"" + sha256(JAR.resolveSibling("socketlab-grader-public.jar")) + "\"\n");

        Run build = maven(students, "-o", "-B", "-q", "package", "-DskipTests");
        assertThat(build.exitCode()).as(build.stdout()).isZero();
        assertThat(students.resolve("student-template/target/classes/META-INF/socketlab/programs.properties"))
                .isRegularFile();

        Path report = dir.resolve("report");
        Run grade = java(dir, List.of("-Dsocketlab.home=" + students), List.of("grade", "--target", "student",
                "--exercises", "sockets", "--out", report.toString()));
        assertThat(grade.exitCode()).as(grade.stdout()).isEqualTo(1);
        JsonNode results = new ObjectMapper().readTree(report.resolve("results.json").toFile());
        assertThat(results.get("score").asInt()).isZero();
        assertThat(results.get("max_score").asInt()).isEqualTo(Suites.maxScore(List.of("sockets")));
        assertThat(report.resolve("annotations.txt")).content().startsWith("::error title=SOCK-");

        Run untouched = java(dir, List.of(), concat(List.of("export-student", "--compare", students.toString()), pins));
        assertThat(untouched).isEqualTo(new Run(0, ""));
        Files.writeString(students.resolve("specs/sockets.md"), "\nnothing to see", StandardOpenOption.APPEND);
        Run edited = java(dir, List.of(), concat(List.of("export-student", "--compare", students.toString()), pins));
        assertThat(edited).isEqualTo(new Run(0, "specs/sockets.md\n"));
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static Run java(Path dir, List<String> jvmFlags, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(arguments);
        return run(dir, command);
    }

    /** Maven as the student runs it, on this build's local repository; skipped where there is no {@code mvn}. */
    private static Run maven(Path dir, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn"));
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null && !localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.addAll(List.of(arguments));
        try {
            return run(dir, command);
        } catch (IOException e) {
            assumeTrue(false, "skipped: no mvn on the PATH to build the exported repository (" + e.getMessage() + ")");
            throw e;
        }
    }

    private static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "console", ".txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                throw new AssertionError("did not finish within 5 minutes: " + String.join(" ", command));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
