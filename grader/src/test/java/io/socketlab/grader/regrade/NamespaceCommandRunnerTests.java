package io.socketlab.grader.regrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.grader.process.NamespaceSandbox;
import io.socketlab.grader.process.Sandbox;
import io.socketlab.grader.regrade.CommandRunner.Finished;
import io.socketlab.grader.regrade.CommandRunner.Invocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A student's build in {@code --sandbox ns}: it compiles, and it can touch nothing but its own folders. */
@Timeout(300)
class NamespaceCommandRunnerTests {

    @TempDir
    Path dir;

    @BeforeEach
    void onlyWhereBubblewrapWorks() {
        String why = NamespaceSandbox.unavailableBecause().orElse(null);
        if (why != null && System.getenv("SOCKETLAB_REQUIRE_SANDBOXES") != null) {
            throw new AssertionError("--sandbox ns must run here: " + why);
        }
        assumeTrue(why == null, "--sandbox ns cannot run here: " + why);
    }

    @Test
    void aStudentsMavenBuildCompilesOfflineFromTheSharedRepositoryReadOnly() throws Exception {
        Path source = new StudentRepositories(dir.resolve("github")).template("ada", "2026-03-01T12:00:00+00:00");
        StudentRepositories.putReferenceSockets(source);
        Path work = Files.createDirectories(dir.resolve("work"));
        Path settings = Files.writeString(work.resolve("maven-settings.xml"), "<settings/>\n");
        Path repository = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));

        Finished build = new NamespaceCommandRunner().run(new Invocation("ada: build",
                List.of("mvn", "-B", "-o", "-q", "-s", settings.toString(), "-Dmaven.repo.local=" + repository,
                        "package", "-DskipTests"),
                source, environment(work), Duration.ofMinutes(4), dir.resolve("build.log"), work, List.of(repository)));

        assertThat(build.exitCode()).as(Files.readString(dir.resolve("build.log"))).isZero();
        assertThat(source.resolve("student-template/target/classes/io/socketlab/student/sockets")).isDirectory();
        assertThat(build.leftovers()).isZero();
    }

    @Test
    void aHostileBuildSeesOnlyLoopbackCannotWriteTheRepositoryNorReadTheGraderAndLeavesNothing() throws Exception {
        Path source = Files.createDirectories(dir.resolve("src"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path shared = Files.createDirectories(dir.resolve("m2"));
        Path grader = Sandbox.graderFiles().get(0);
        String marker = "socketlab-build-" + UUID.randomUUID();
        String script = String.join("\n",
                "cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '",
                "touch " + shared + "/poisoned 2>/dev/null && echo 'wrote the repository'",
                "ls " + grader + " >/dev/null 2>&1 && echo 'saw the grader'",
                "touch built && echo 'wrote its source'",
                "setsid sh -c 'trap \"\" TERM HUP; exec sleep 600' " + marker + " &",
                "exit 3");

        Finished build = new NamespaceCommandRunner().run(new Invocation("eve: build",
                List.of("/bin/sh", "-c", script), source, environment(work), Duration.ofSeconds(60),
                dir.resolve("build.log"), work, List.of(shared)));

        String log = Files.readString(dir.resolve("build.log"));
        assertThat(build.exitCode()).as(log).isEqualTo(3);
        List<String> said = log.lines().toList();
        assertThat(said).as(log).contains("lo", "wrote its source")
                .doesNotContain("wrote the repository", "saw the grader").noneMatch(line -> line.startsWith("eth"));
        assertThat(source.resolve("built")).exists();
        assertThat(shared.resolve("poisoned")).doesNotExist();
        Awaitility.await("the build's daemon to be gone").atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.allProcesses().noneMatch(p -> p.info().arguments().map(List::of)
                        .orElse(List.of()).contains(marker)));
    }

    @Test
    void aBuildThatOutlivesItsTimeIsStopped() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));

        Finished build = new NamespaceCommandRunner().run(new Invocation("zed: build",
                List.of("/bin/sh", "-c", "echo compiling; exec sleep 600"), work, environment(work),
                Duration.ofSeconds(2), dir.resolve("build.log"), work, List.of()));

        assertThat(build.timedOut()).isTrue();
        assertThat(build.exitCode()).isEqualTo(-1);
        assertThat(Files.readString(dir.resolve("build.log"))).contains("compiling", "killed: ran out of its 2 s");
    }

    private static Map<String, String> environment(Path work) throws Exception {
        Map<String, String> environment = new HashMap<>();
        for (String name : List.of("PATH", "JAVA_HOME", "PYENV_ROOT")) {
            if (System.getenv(name) != null) {
                environment.put(name, System.getenv(name));
            }
        }
        environment.put("HOME", Files.createDirectories(work.resolve("home")).toString());
        return environment;
    }
}
