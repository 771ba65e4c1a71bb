package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socketlab.grader.cli.GraderCommand;
import io.socketlab.grader.process.DockerSandbox;
import io.socketlab.grader.process.NamespaceSandbox;
import io.socketlab.grader.process.Targets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * Grades whole targets through the {@code grade} command, in-process, in any sandbox (the command relaunches itself
 * in a private network for {@code ns} and {@code docker}), and reads back what it wrote.
 */
final class SandboxedGrading {

    /** Where CI says a mode must be available, so that a missing tool fails the build instead of skipping tests. */
    private static final String REQUIRED = "SOCKETLAB_REQUIRE_SANDBOXES";

    private SandboxedGrading() {
    }

    /** What one run of {@code grade} printed and wrote. */
    record Graded(int exit, String stdout, String stderr, JsonNode results, Duration took) {

        /** The outcomes of one program's tests ({@code server} or {@code client}). */
        List<JsonNode> of(String program) {
            List<JsonNode> tests = new ArrayList<>();
            results.path("tests").forEach(test -> {
                if (test.path("program").asText().equals(program)) {
                    tests.add(test);
                }
            });
            return tests;
        }

        int score() {
            return results.path("score").asInt();
        }

        /** Verdict, clause and output of every test, for assertion messages. */
        String describe() {
            StringBuilder all = new StringBuilder("\nexit ").append(exit).append(", stderr: ").append(stderr)
                    .append('\n');
            results.path("tests").forEach(test -> all.append(String.format("%-13s %-6s %s%n      %s%n",
                    test.path("verdict").asText(), test.path("program").asText(), test.path("name").asText(),
                    test.path("output").asText().replace("\n", "\n      "))));
            return all.toString();
        }
    }

    /** Skips (or, in CI, fails) unless {@code mode} can run here. */
    static void assumeAvailable(String mode) {
        String why = switch (mode) {
            case "ns" -> NamespaceSandbox.unavailableBecause().orElse(null);
            case "docker" -> DockerSandbox.unusableBecause(DockerSandbox.DEFAULT_IMAGE).orElse(null);
            default -> null;
        };
        if (why != null && System.getenv(REQUIRED) != null) {
            throw new AssertionError("--sandbox " + mode + " must run here (" + REQUIRED + " is set): " + why);
        }
        assumeTrue(why == null, "--sandbox " + mode + " cannot run here, test skipped: " + why);
    }

    /** Runs {@code grade} with {@code arguments} and {@code --out out}, and reads {@code out/results.json}. */
    static Graded grade(Path out, String... arguments) throws IOException {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        var commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        List<String> all = new ArrayList<>(List.of("grade"));
        all.addAll(List.of(arguments));
        all.addAll(List.of("--out", out.toString()));
        long start = System.nanoTime();
        int exit = commandLine.execute(all.toArray(String[]::new));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Path results = out.resolve("results.json");
        assertThat(results).as("results.json after exit %d; stdout:%n%s%nstderr:%n%s", exit, stdout, stderr)
                .exists();
        return new Graded(exit, stdout.toString(), stderr.toString(), new ObjectMapper().readTree(results.toFile()),
                took);
    }

    /** The repository's root. */
    static Path repository() {
        return Targets.home().orElseThrow();
    }

    /** A folder of the test classpath's resources. */
    static Path resources(String folder) {
        try {
            return Path.of(SandboxedGrading.class.getClassLoader().getResource(folder).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (bounded) until no process on the machine has {@code marker} in its command line; fails naming any. */
    static void awaitNoProcessWith(String marker) {
        try {
            Awaitility.await("every process marked " + marker + " to be gone")
                    .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> processesWith(marker).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("processes outlived grading: " + processesWith(marker), e);
        }
    }

    private static List<String> processesWith(String marker) {
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            return proc.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .map(p -> p.getFileName() + " " + cmdline(p))
                    .filter(line -> line.contains(marker))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cmdline(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** The containers of any grader left on the engine: none may outlive its session. */
    static String leftoverContainers() throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("docker", "ps", "-a", "--format", "{{.Names}}",
                "--filter", "label=" + DockerSandbox.LABEL).redirectErrorStream(true).start();
        String listed = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(ps.waitFor(30, TimeUnit.SECONDS)).as("docker ps answered").isTrue();
        return listed;
    }
}
