package io.socketlab.grader.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.socketlab.grader.export.WorkflowRunner.JobResult;
import io.socketlab.grader.session.Suites;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The student workflow, run job by job as GitHub runs it ({@link WorkflowRunner}), on a student repository exported
 * from this tree: a fork with the reference's code in it scores the public maximum, and the same fork with a pom that
 * runs code at build time (fake {@code java} and {@code sha256sum} put first on the PATH through {@code GITHUB_PATH},
 * {@code JAVA_TOOL_OPTIONS} through {@code GITHUB_ENV}, a fake grader jar, a forged report, a classpath and a link
 * leading to the course's reference) scores exactly the same: its build runs on a runner of its own.
 *
 * <p>Simulated: the runners (folders of this machine, one per job), the actions (stand-ins), the sandbox (the test
 * sets {@code SOCKETLAB_SANDBOX=none}; the workflow asks for {@code ns}) and the exercises (sockets and echo only, to
 * keep the build short). Maven's local repository is this build's, shared by the jobs.
 */
class StudentWorkflowIT {

    private static final Path PUBLIC_JAR = Path.of(System.getProperty("grader.public.jar",
            "target/socketlab-grader-public.jar")).toAbsolutePath();
    /** grader/target/socketlab-grader-public.jar: the repository is three levels up. */
    private static final Path HOME = PUBLIC_JAR.getParent().getParent().getParent();
    private static final String UPSTREAM = "course-org/socketlab";
    /** The build job's extra plugin: everything a student's pom could try at build time. */
    private static final String EVIL_PLUGIN = """
                  <plugin>
                    <groupId>org.codehaus.mojo</groupId>
                    <artifactId>exec-maven-plugin</artifactId>
                    <executions>
                      <execution>
                        <id>forge</id>
                        <phase>generate-sources</phase>
                        <goals><goal>exec</goal></goals>
                        <configuration>
                          <executable>bash</executable>
                          <arguments><argument>${project.basedir}/forge.sh</argument></arguments>
                        </configuration>
                      </execution>
                    </executions>
                  </plugin>
            """;
    private static final String FORGE = """
            echo "forge: the student's build runs code"
            mkdir -p "$HOME/fake-bin"
            for tool in java sha256sum base64; do
              printf '#!/bin/sh\\necho "fake %s"\\nmkdir -p grade-report\\necho "{\\\\"score\\\\" : 999}" > grade-report/results.json\\n' "$tool" > "$HOME/fake-bin/$tool"
              chmod +x "$HOME/fake-bin/$tool"
            done
            echo "$HOME/fake-bin" >> "$GITHUB_PATH"
            echo "JAVA_TOOL_OPTIONS=-Dsocketlab.forged=true" >> "$GITHUB_ENV"
            mkdir -p "$GITHUB_WORKSPACE/upstream/grader/target" "$GITHUB_WORKSPACE/grade-report"
            echo fake > "$GITHUB_WORKSPACE/upstream/grader/target/socketlab-grader-public.jar"
            echo '{"score" : 999, "max_score" : 999}' > "$GITHUB_WORKSPACE/grade-report/results.json"
            mkdir -p target/classes
            echo "$GITHUB_WORKSPACE/../../runner-grade/workspace/upstream/reference/target/classes" > target/runtime-classpath.txt
            ln -sfn "$GITHUB_WORKSPACE/../../runner-grade/workspace/upstream/reference/target/classes/io" target/classes/link
            """;

    private static String digest;

    @BeforeAll
    static void packaged() throws Exception {
        assumeTrue(System.getProperty("grader.public.jar") != null, "skipped: runs under failsafe (mvn verify), after package");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(PUBLIC_JAR)) {
            sha256.update(in.readAllBytes());
        }
        digest = HexFormat.of().formatHex(sha256.digest());
    }

    @Test
    void aPomThatRunsCodeAtBuildTimeCannotChangeTheScore(@TempDir Path dir) throws Exception {
        Path upstream = Forks.cleanCopy(HOME, dir.resolve("upstream"));
        Path honest = dir.resolve("honest");
        new StudentExport(upstream, new Pins(UPSTREAM, "v-test", digest)).writeTo(honest);
        Forks.putReferenceIn(upstream, honest);
        Path forged = dir.resolve("forged");
        WorkflowRunner.copyTree(honest, forged);
        Path pom = forged.resolve("student-template/pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("    <plugins>\n", "    <plugins>\n" + EVIL_PLUGIN));
        Files.writeString(forged.resolve("student-template/forge.sh"), FORGE);

        Map<String, JobResult> clean = runWorkflow(dir.resolve("run-honest"), honest, upstream);
        Map<String, JobResult> attacked = runWorkflow(dir.resolve("run-forged"), forged, upstream);

        JobResult grade = clean.get("grade");
        assertThat(grade.result()).as(grade.log()).isEqualTo("success");
        assertThat(grade.outputs().get("score")).as(grade.log()).isNotEmpty().isEqualTo(grade.outputs().get("max-score"));
        assertThat(Integer.parseInt(grade.outputs().get("score"))).isPositive();
        String total = grade.outputs().get("score") + "/" + grade.outputs().get("max-score");
        assertThat(grade.summary()).startsWith("## SocketLab results: " + total + "\n");

        assertThat(attacked.get("build").log()).contains("forge: the student's build runs code");
        JobResult forgedGrade = attacked.get("grade");
        assertThat(forgedGrade.result()).as(forgedGrade.log()).isEqualTo("success");
        assertThat(forgedGrade.outputs()).containsEntry("score", grade.outputs().get("score"))
                .containsEntry("max-score", grade.outputs().get("max-score"));
        assertThat(forgedGrade.summary()).startsWith("## SocketLab results: " + total + "\n")
                .contains("Protected files edited", "student-template/pom.xml").doesNotContain("999");
        assertThat(forgedGrade.log()).doesNotContain("fake java", "fake sha256sum", "socketlab.forged");
    }

    @Test
    void aPythonRepositoryIsGradedThroughItsManifestWithNothingBuilt(@TempDir Path dir) throws Exception {
        assumeTrue(Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(bin -> !bin.isEmpty() && Files.isExecutable(Path.of(bin, "python3"))),
                "skipped: python3 is not installed");
        Path upstream = Forks.cleanCopy(HOME, dir.resolve("upstream"));
        Path fork = dir.resolve("python");
        new StudentExport(upstream, new Pins(UPSTREAM, "v-test", digest), StudentExport.Platform.GITHUB_ACTIONS,
                StudentExport.Language.PYTHON).writeTo(fork);
        // A student who did the work: the examples' programs over the template's, the exported manifest kept.
        byte[] manifest = Files.readAllBytes(fork.resolve("socketlab.properties"));
        WorkflowRunner.copyTree(upstream.resolve("examples/python"), fork);
        Files.write(fork.resolve("socketlab.properties"), manifest);
        WorkflowRunner runner = new WorkflowRunner(fork.resolve(StudentExport.WORKFLOW),
                Map.of("SOCKETLAB_SANDBOX", "none", "SOCKETLAB_EXERCISES", "sockets,echo"),
                Map.of("", fork, UPSTREAM, upstream), Files.createDirectories(dir.resolve("run")), mavenRepository());

        assertThat(runner.run("pins").outputs()).containsEntry("pinned", "true").containsEntry("language", "python");
        assertThat(runner.run("build").result()).as("nothing of a Python student's runs outside the sandbox")
                .isEqualTo("skipped");
        JobResult grade = runner.run("grade");

        assertThat(grade.result()).as(grade.log()).isEqualTo("success");
        // The public grader's maximum: every point of the two exercises but the hidden tests'.
        List<String> graded = List.of("sockets", "echo");
        int points = Suites.publicMaxScore(graded);
        assertThat(grade.outputs()).as(grade.log()).containsEntry("score", String.valueOf(points))
                .containsEntry("max-score", String.valueOf(points));
        assertThat(grade.summary()).startsWith("## SocketLab results: " + points + "/" + points + "\n")
                .doesNotContain("Protected files edited");
        assertThat(grade.log()).contains("public grader built from", "/fork/socketlab.properties: sockets, echo");
    }

    @Test
    void theGradingJobKeepsNoCacheNoStudentTokenAndAsksForLeastPrivilege(@TempDir Path dir) throws Exception {
        Path students = dir.resolve("students");
        new StudentExport(HOME, new Pins(UPSTREAM, "v-test", digest)).writeTo(students);
        WorkflowRunner runner = new WorkflowRunner(students.resolve(StudentExport.WORKFLOW), Map.of(),
                Map.of(), dir, dir);

        for (String name : new String[] {"build", "grade"}) {
            JsonNode job = runner.job(name);
            assertThat(job.get("permissions").toString()).as(name).isEqualTo("{\"contents\":\"read\"}");
            for (JsonNode step : job.get("steps")) {
                String uses = step.path("uses").asText("");
                if (!uses.isEmpty()) {
                    assertThat(uses).as("pinned by commit").matches("actions/[a-z-]+@[0-9a-f]{40}");
                }
                assertThat(step.path("with").has("cache")).as(name + ": " + step).isFalse();
                if (uses.startsWith("actions/checkout@")) {
                    assertThat(step.get("with").get("persist-credentials").asBoolean(true)).as(name).isFalse();
                }
            }
        }
        // The student's build job reaches no secret.
        assertThat(runner.job("build").toString()).doesNotContain("secrets.");
    }

    private static Path mavenRepository() {
        return Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
    }

    private static Map<String, JobResult> runWorkflow(Path root, Path fork, Path upstream) throws Exception {
        WorkflowRunner runner = new WorkflowRunner(fork.resolve(StudentExport.WORKFLOW),
                Map.of("SOCKETLAB_SANDBOX", "none", "SOCKETLAB_EXERCISES", "sockets,echo"),
                Map.of("", fork, UPSTREAM, upstream), Files.createDirectories(root), mavenRepository());
        JobResult pins = runner.run("pins");
        assertThat(pins.outputs()).containsEntry("pinned", "true");
        JobResult build = runner.run("build");
        assertThat(build.result()).as(build.log()).isEqualTo("success");
        return Map.of("build", build, "grade", runner.run("grade"));
    }
}
