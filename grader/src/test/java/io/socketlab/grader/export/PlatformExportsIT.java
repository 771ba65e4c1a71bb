package io.socketlab.grader.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socketlab.grader.report.Classroom50Contract;
import io.socketlab.grader.session.Suites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform exports run as each platform runs them, on this machine:
 * <ul>
 *   <li>Classroom 50: the exported {@code autograder.py} with the runner's environment and the student's checkout as
 *       its working directory, fetching the pinned grader from a local clone of this tree; the untouched template
 *       scores 0 and the reference put in scores the public maximum, each {@code result.json} keeping the
 *       contract;</li>
 *   <li>Gradescope: the exported zip unpacked into a simulated {@code /autograder} tree and {@code run_autograder}
 *       run on the template, on the reference and on a manifest submission.</li>
 * </ul>
 * Simulated: the runners themselves (Classroom 50's runner.py and Gradescope's harness are not run: their
 * contracts are), {@code setup.sh} and the runtime's installs (this machine has the JDK, Maven and Python), and the
 * sandbox ({@code SOCKETLAB_SANDBOX=none}; the exports ask for {@code ns}).
 */
class PlatformExportsIT {

    private static final Path FULL_JAR = Path.of(System.getProperty("grader.jar", "target/socketlab-grader.jar"))
            .toAbsolutePath();
    private static final Path PUBLIC_JAR = Path.of(System.getProperty("grader.public.jar",
            "target/socketlab-grader-public.jar")).toAbsolutePath();
    private static final Path HOME = FULL_JAR.getParent().getParent().getParent();
    private static final String MAVEN_REPOSITORY = System.getProperty("maven.repo.local",
            System.getProperty("user.home") + "/.m2/repository");

    @BeforeAll
    static void packaged() {
        assumeTrue(System.getProperty("grader.jar") != null, "skipped: runs under failsafe (mvn verify), after package");
    }

    private record Run(int exitCode, String output) {
    }

    @Test
    void classroom50AutograderGradesTheTemplateZeroAndTheReferenceFullInASimulatedRunner(@TempDir Path dir) throws Exception {
        Path upstream = Forks.cleanCopy(HOME, dir.resolve("upstream"));
        git(upstream, "init", "-q");
        git(upstream, "add", "-A");
        git(upstream, "-c", "user.name=course", "-c", "user.email=course@example.org", "commit", "-q", "-m", "course");
        git(upstream, "tag", "v-test");
        Path export = dir.resolve("export");
        new Classroom50Export(HOME, new Pins("course-org/socketlab", "v-test", sha256(PUBLIC_JAR)), "networks-2026",
                "sockets-lab", List.of("sockets", "echo"), "en").writeTo(export);
        Path bundle = export.resolve("classroom50/networks-2026/autograders/sockets-lab");
        assertThat(new ObjectMapper().readTree(export.resolve("runtime.json").toFile()).get("java").asText()).isEqualTo("17");
        assertThat(export.resolve("template/.github/workflows/grade.yml")).doesNotExist();

        Path untouched = studentCheckout(export, dir.resolve("untouched"), false);
        Path done = studentCheckout(export, dir.resolve("done"), true);
        JsonNode zero = runAutograder(bundle, untouched, upstream, dir.resolve("out-untouched"));
        JsonNode full = runAutograder(bundle, done, upstream, dir.resolve("out-done"));

        assertThat(zero.get("score").asInt()).isZero();
        assertThat(full.get("score").asInt()).isPositive().isEqualTo(full.get("max-score").asInt())
                .isEqualTo(zero.get("max-score").asInt());
        // The public grader: the hidden ECHO-6 is not there.
        assertThat(full.get("tests")).noneMatch(t -> t.get("clause").asText().equals("ECHO-6"));
        assertThat(full.get("classroom").asText()).isEqualTo("networks-2026");
        assertThat(full.get("owner").asText()).isEqualTo("alice");
        assertThat(full.get("datetime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(Files.readString(done.resolve("release-body.md"))).startsWith("## SocketLab results: "
                + full.get("score") + "/" + full.get("max-score")).contains("Public tests only");
        assertThat(Files.readString(dir.resolve("out-done/github-output"))).contains("status=success\n");
        assertThat(Files.readString(dir.resolve("out-untouched/github-output"))).contains("status=failure\n");
    }

    @Test
    void gradescopeZipGradesTheTemplateTheReferenceAndAManifestInASimulatedAutograderTree(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("autograder.zip");
        new GradescopeExport(HOME, FULL_JAR, List.of("all"), "en").writeTo(zip);
        Path students = dir.resolve("students");
        new StudentExport(HOME, new Pins(null, null, null)).writeTo(students);

        JsonNode template = gradescope(zip, dir.resolve("template"), students, null);
        Path done = dir.resolve("done-repo");
        WorkflowRunner.copyTree(students, done);
        Forks.putReferenceIn(HOME, done);
        JsonNode reference = gradescope(zip, dir.resolve("reference"), done, "sockets,echo");
        JsonNode python = gradescope(zip, dir.resolve("python"), HOME.resolve("examples/python"), "sockets");

        assertThat(template.get("score").asInt()).isZero();
        assertThat(template.get("max_score").asInt()).isEqualTo(352);
        assertThat(reference.get("score").asInt()).isEqualTo(reference.get("max_score").asInt()).isEqualTo(Suites.maxScore(List.of("sockets", "echo")));
        assertThat(python.get("score").asInt()).isEqualTo(python.get("max_score").asInt())
                .isEqualTo(Suites.maxScore(List.of("sockets")));
        // The full grader: ECHO-6 is graded, hidden from students (not their whole score), its details kept for staff.
        JsonNode hidden = null;
        for (JsonNode test : reference.get("tests")) {
            if (test.get("clause").asText().equals("ECHO-6")) {
                hidden = test;
            } else {
                assertThat(test.get("visibility").asText()).isEqualTo("visible");
            }
        }
        assertThat(hidden).isNotNull();
        assertThat(hidden.get("visibility").asText()).isEqualTo("hidden");
        assertThat(reference.get("edition").asText()).isEqualTo("full");
    }

    private static JsonNode gradescope(Path zip, Path root, Path submission, String exercises) throws Exception {
        Path source = Files.createDirectories(root.resolve("source"));
        unzip(zip, source);
        WorkflowRunner.copyTree(submission, root.resolve("submission"));
        Map<String, String> env = new java.util.HashMap<>(Map.of("SOCKETLAB_AUTOGRADER_ROOT", root.toString(),
                "SOCKETLAB_SANDBOX", "none", "MAVEN_OPTS", "-Dmaven.repo.local=" + MAVEN_REPOSITORY));
        if (exercises != null) {
            env.put("SOCKETLAB_EXERCISES", exercises);
        }
        Run run = run(root, env, "bash", source.resolve("run_autograder").toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        Path results = root.resolve("results/results.json");
        assertThat(results).as(run.output()).isRegularFile();
        return new ObjectMapper().readTree(results.toFile());
    }

    private static Path studentCheckout(Path export, Path checkout, boolean withReference) throws Exception {
        WorkflowRunner.copyTree(export.resolve("template"), checkout);
        if (withReference) {
            Forks.putReferenceIn(HOME, checkout);
        }
        git(checkout, "init", "-q");
        git(checkout, "add", "-A");
        git(checkout, "-c", "user.name=alice", "-c", "user.email=alice@example.org", "commit", "-q", "-m", "work");
        return checkout;
    }

    private static JsonNode runAutograder(Path bundle, Path checkout, Path upstream, Path out) throws Exception {
        Files.createDirectories(out);
        Path githubOutput = Files.writeString(out.resolve("github-output"), "");
        Map<String, String> env = new java.util.HashMap<>(Classroom50Contract.RUNNER_ENVIRONMENT);
        // Our autograder reads the commit's time from the checkout itself.
        env.remove(io.socketlab.grader.report.Classroom50Identity.SUBMITTED_AT);
        env.putAll(Map.of("GITHUB_OUTPUT", githubOutput.toString(),
                "RUNNER_TEMP", Files.createDirectories(out.resolve("runner-temp")).toString(),
                "SOCKETLAB_UPSTREAM_URL", "file://" + upstream,
                "SOCKETLAB_SANDBOX", "none",
                "MAVEN_OPTS", "-Dmaven.repo.local=" + MAVEN_REPOSITORY));
        Run run = run(checkout, env, "python3", bundle.resolve("autograder.py").toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        Path result = checkout.resolve("result.json");
        assertThat(Classroom50Contract.violations(result)).as(run.output()).isEmpty();
        return new ObjectMapper().readTree(result.toFile());
    }

    private static Run run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path log = Files.createTempFile(dir.getParent(), "run", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(12, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return new Run(process.waitFor(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void git(Path dir, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Run run = run(dir, Map.of(), command);
        assertThat(run.exitCode()).as(String.join(" ", command) + "\n" + run.output()).isZero();
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName() + " stays in the folder").isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
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
