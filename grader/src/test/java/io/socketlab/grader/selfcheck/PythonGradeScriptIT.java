package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socketlab.grader.export.Pins;
import io.socketlab.grader.export.StudentExport;
import io.socketlab.grader.session.Suites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python template's grade.sh, run as a student runs it, with the grader jars just packaged: inside this repository
 * it grades with this repository's grader; in the repository {@code export-student --language python} writes, the
 * course's grade.sh grades with the pinned upstream's public grader and says so when its SHA-256 is not the pinned one.
 */
class PythonGradeScriptIT {

    /** Sockets' points from the suites, never typed: this repository's grader has them all; an export's public one
     * every point but the hidden tests'. */
    private static final String SOCKETS = String.valueOf(Suites.maxScore(List.of("sockets")));
    private static final String PUBLIC_SOCKETS = String.valueOf(Suites.publicMaxScore(List.of("sockets")));

    private static final Path JAR = Path.of(System.getProperty("grader.jar", "target/socketlab-grader.jar"))
            .toAbsolutePath();
    /** grader/target/socketlab-grader.jar: the repository is three levels up. */
    private static final Path HOME = JAR.getParent().getParent().getParent();
    private static final Path TEMPLATE = HOME.resolve("student-template-python");

    @TempDir
    Path dir;

    private record Run(int exitCode, String output) {
    }

    @BeforeEach
    void needsThePackagedJarAndPython() {
        assumeTrue(System.getProperty("grader.jar") != null, "skipped: runs under failsafe (mvn verify), after package");
        assumeTrue(ManifestTargetsTests.onPath("python3"), "skipped: python3 is not installed");
    }

    @Test
    void insideTheRepositoryItGradesTheUntouchedTemplateWithThisRepositorysGrader() throws Exception {
        Run run = gradeSh(TEMPLATE, "--exercises", "sockets", "--out", dir.resolve("report").toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(score(dir.resolve("report"))).isEqualTo("0/" + SOCKETS);
        assertThat(TEMPLATE.resolve("grade-report")).as("--out given: no report of its own").doesNotExist();
    }

    @Test
    void aManifestGivenFirstIsGradedInsteadRelativeToWhereItIsRun() throws Exception {
        Path examples = HOME.resolve("examples/python");
        Files.writeString(dir.resolve("mine.properties"), "sockets.server = python3 " + examples.resolve("sockets/server.py")
                + "\nsockets.client = python3 " + examples.resolve("sockets/client.py") + "\n", StandardCharsets.UTF_8);

        Run run = gradeSh(TEMPLATE, "mine.properties", "--exercises", "sockets", "--out", dir.resolve("report").toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(score(dir.resolve("report"))).isEqualTo(SOCKETS + "/" + SOCKETS);
    }

    @Test
    void exportedItGradesWithThePinnedPublicGraderAndWarnsWhenItsDigestIsNotThePinnedOne() throws Exception {
        Path publicJar = JAR.resolveSibling("socketlab-grader-public.jar");
        Path wrongPin = exported(dir.resolve("wrong-pin"), "0".repeat(64));
        Path rightPin = exported(dir.resolve("right-pin"), sha256(publicJar));

        Run wrong = gradeSh(wrongPin, "--exercises", "sockets", "--out", dir.resolve("wrong").toString());
        assertThat(wrong.exitCode()).as(wrong.output()).isEqualTo(1);
        assertThat(wrong.output()).contains("the grader built from course/socketlab at v1 has SHA-256 "
                + sha256(publicJar) + ", not the pinned " + "0".repeat(64));
        assertThat(score(dir.resolve("wrong"))).isEqualTo("0/" + PUBLIC_SOCKETS);

        // A manifest after --target, relative to where the script is run (the grader refuses --target twice).
        Run right = gradeSh(rightPin, "--target", "right-pin/socketlab.properties", "--exercises", "sockets");
        assertThat(right.exitCode()).as(right.output()).isEqualTo(1);
        assertThat(right.output()).doesNotContain("SHA-256");
        assertThat(score(rightPin.resolve("grade-report"))).isEqualTo("0/" + PUBLIC_SOCKETS);
    }

    /**
     * The Python students' repository, as export-student writes it with these pins, and the course's grader already
     * built in its own checkout (grade.sh builds it there from the pinned upstream the first time): here, this
     * repository, whose reference is the cross-tests' peer.
     */
    private static Path exported(Path into, String sha256) throws IOException {
        new StudentExport(HOME, new Pins("course/socketlab", "v1", sha256), StudentExport.Platform.GITHUB_ACTIONS,
                StudentExport.Language.PYTHON).writeTo(into);
        Files.createDirectories(into.resolve(".socketlab"));
        Files.createSymbolicLink(into.resolve(".socketlab/upstream-v1"), HOME);
        return into;
    }

    private Run gradeSh(Path template, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", template.resolve("grade.sh").toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(dir, "grade", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv().getOrDefault("PATH", ""));
        Process process = builder.start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                throw new AssertionError("grade.sh did not finish within 5 minutes");
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String score(Path report) throws IOException {
        JsonNode results = new ObjectMapper().readTree(report.resolve("results.json").toFile());
        return results.get("score").asInt() + "/" + results.get("max_score").asInt();
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
