package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socketlab.grader.session.Suites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged grader jar, run as a user runs it: self-contained, its exit codes, and the files it writes. */
class GraderJarIT {

    private static final Path JAR = Path.of(System.getProperty("grader.jar", "target/socketlab-grader.jar"))
            .toAbsolutePath();

    private record Run(int exitCode, String stdout, Duration took) {
    }

    /** Runs the jar from {@code workingDir} (not the repository: it must find the repository from its own location). */
    private static Run runJar(Path workingDir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        Path output = workingDir.resolve("console.txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("the grader did not finish within 3 minutes");
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - start));
    }

    @Test
    void gradesTheReferenceWithFullMarksAndWritesEveryReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");

        Run run = runJar(dir, "grade", "--target", "reference", "--exercises", "sockets,echo", "--out", out.toString(),
                "--seed", "7");

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.get("score").asInt()).isEqualTo(results.get("max_score").asInt())
                .isEqualTo(Suites.maxScore(List.of("sockets", "echo")));
        assertThat(results.get("tests")).allSatisfy(test -> {
            assertThat(test.get("status").asText()).isEqualTo("passed");
            assertThat(test.get("verdict").asText()).isEqualTo("PASS");
            assertThat(test.get("exercise").asText()).isIn("sockets", "echo");
        });
        assertThat(out.resolve("junit.xml")).content().contains("<testsuite name=\"sockets\"").contains("failures=\"0\"");
        assertThat(out.resolve("summary.md")).content().contains("| sockets | " + full("sockets") + " |")
                .contains("| echo | " + full("echo") + " |");
        int both = Suites.maxScore(List.of("sockets", "echo"));
        assertThat(run.stdout()).contains("seed 7").contains(both + "/" + both);
    }

    @Test
    void gradesTheTemplateWithZeroQuicklyInSpanish(@TempDir Path dir) throws Exception {
        Run run = runJar(dir, "grade", "--target", "student", "--lang", "es");

        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(1);
        assertThat(run.stdout()).contains("0/" + Suites.maxScore(Suites.available())).contains("BLOQUEADA")
                .contains("se esperaba").contains("pista");
        assertThat(run.took()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void badUsageExitsTwoWithAMessage(@TempDir Path dir) throws Exception {
        Run unknownExercise = runJar(dir, "grade", "--target", "reference", "--exercises", "telepathy");
        Run missingManifest = runJar(dir, "grade", "--target", "nowhere.properties");

        assertThat(unknownExercise.exitCode()).isEqualTo(2);
        assertThat(unknownExercise.stdout()).contains("unknown exercise 'telepathy'");
        assertThat(missingManifest.exitCode()).isEqualTo(2);
        assertThat(missingManifest.stdout()).contains("manifest not found");
    }

    @Test
    void listsEveryTestWithClauseAndPoints(@TempDir Path dir) throws Exception {
        Run run = runJar(dir, "list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("sockets (26 points").contains("echo (24 points")
                .contains("serialization (31 points").contains("file-transfer (33 points")
                .contains("chat (35 points").contains("quiz (33 points").contains("http (63 points")
                .contains("udp-transfer (52 points").contains("udp-stream (44 points").contains("project (20 points")
                .contains("SOCK-11").contains("ECHO-10").contains("SER-11").contains("FT-13").contains("CHAT-13").contains("QUIZ-13").contains("HTTP-24").contains("UT-17").contains("US-13")
                .contains("PROJ-8").contains("[baseline]");
    }

    /** "N/N" for an exercise graded with full marks, N from the suites. */
    private static String full(String exercise) {
        int points = Suites.maxScore(List.of(exercise));
        return points + "/" + points;
    }
}
