package io.socketlab.grader.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container sandbox without a Docker engine: the exact {@code docker run} command line, and the launcher's
 * wiring through a stand-in {@code docker} that runs the program in place and logs what it was asked.
 */
@Timeout(60)
class DockerSandboxTests {

    /**
     * A stand-in for the docker CLI: logs every call; {@code run} applies {@code -w} and {@code -e}, skips the
     * other options and the image, and execs the program (so signals reach it as the real client proxies them);
     * {@code kill} answers like a container already removed by {@code --rm}.
     */
    private static final String FAKE_DOCKER = """
            #!/bin/sh
            printf '%s\\n' "$*" >> "$(dirname "$0")/docker.log"
            case "$1" in
              kill) echo "Error response from daemon: No such container: $2" >&2; exit 1 ;;
              run) shift ;;
              *) exit 2 ;;
            esac
            while [ $# -gt 0 ]; do
              case "$1" in
                --rm|-i|--init|--read-only) shift ;;
                -w) cd "$2" || exit 125; shift 2 ;;
                -e) export "$2"; shift 2 ;;
                -*) shift 2 ;;
                *) shift; break ;;
              esac
            done
            exec "$@"
            """;

    @TempDir
    Path dir;

    @Test
    void aContainerIsOneExactDockerRunWithEveryLimit() {
        DockerSandbox.Container container = new DockerSandbox.Container("socketlab-ab12cd34-3", "ab12cd34",
                "socketlab/runner", new DockerSandbox.Limits("0.5", "256m", 64), "1000:1000", Path.of("/course/py"),
                List.of(Path.of("/course"), Path.of("/opt/lib.jar")), List.of(Path.of("/tmp/socketlab-1")),
                Map.of("TMPDIR", "/tmp/socketlab-1/server-1", "LANG", "C.UTF-8"),
                List.of("python3", "server.py", "--port", "4000"));

        assertThat(container.argv()).containsExactly(
                "docker", "run", "--rm", "-i", "--init", "--pull", "never",
                "--name", "socketlab-ab12cd34-3", "--label", "socketlab.session=ab12cd34",
                "--network", "host",
                "--cpus", "0.5", "--memory", "256m", "--memory-swap", "256m", "--pids-limit", "64",
                "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                "--read-only", "--tmpfs", "/tmp",
                "--user", "1000:1000",
                "-v", "/course:/course:ro", "-v", "/opt/lib.jar:/opt/lib.jar:ro",
                "-v", "/tmp/socketlab-1:/tmp/socketlab-1:rw",
                "-w", "/course/py",
                "-e", "LANG=C.UTF-8", "-e", "TMPDIR=/tmp/socketlab-1/server-1",
                "socketlab/runner", "python3", "server.py", "--port", "4000");
    }

    @Test
    void aJavaProgramRunsOnTheImagesJavaWithItsClasspathMountedReadOnly() throws IOException {
        Path repository = Files.createDirectories(dir.resolve("repo"));
        Path classes = Files.createDirectories(repository.resolve("reference/target/classes"));
        Path jar = Files.writeString(dir.resolve("lib.jar"), "jar");
        Path session = Files.createDirectories(dir.resolve("session"));
        Path privateDir = Files.createDirectories(session.resolve("server-1"));
        DockerSandbox sandbox = new DockerSandbox("img", DockerSandbox.Limits.DEFAULT, List.of(repository));
        String hostJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        DockerSandbox.Container first = sandbox.container(
                List.of(hostJava, "-cp", classes + ":" + jar + ":relative.jar", "io.Main", "--port", "1"),
                privateDir, session, Map.of());
        DockerSandbox.Container second = sandbox.container(List.of("/bin/true"), repository, session, Map.of());

        assertThat(first.command()).containsExactly(
                "java", "-cp", classes + ":" + jar + ":relative.jar", "io.Main", "--port", "1");
        assertThat(first.readOnly()).as("the repository once, the jar outside it; the classes are inside it")
                .containsExactly(repository, jar);
        assertThat(first.writable()).containsExactly(session);
        assertThat(first.workingDir()).isEqualTo(privateDir);
        assertThat(first.user()).matches("\\d+:\\d+");
        assertThat(second.readOnly()).as("a working folder inside a shared one is not mounted twice")
                .containsExactly(repository);
        assertThat(first.name()).matches("socketlab-[0-9a-f]{8}-1");
        assertThat(second.name()).isEqualTo(first.name().replaceAll("-1$", "-2"));
        assertThat(second.label()).isEqualTo(first.label());
    }

    @Test
    void theLauncherRunsTheProgramThroughDockerWithOnlyItsOwnEnvironmentAndKillsTheContainerAtTheEnd()
            throws IOException {
        Path docker = fakeDocker();
        Path tempRoot = dir.resolve("tmp");
        ProgramLauncher launcher = new ProgramLauncher(tempRoot, Duration.ofSeconds(2), 64 * 1024,
                new DockerSandbox(docker.toString(), "img", DockerSandbox.Limits.DEFAULT, List.of()));
        ProgramCommand command = new ProgramCommand(List.of("/bin/sh", "-c",
                "echo \"home=$HOME tmp=$TMPDIR work=$SOCKETLAB_WORKDIR cwd=$(pwd) arg=$1\"", "sh"),
                null, "print");

        String name;
        Path privateDir;
        try (RunningProgram program = launcher.start("client", command, List.of("a b"))) {
            assertThat(program.awaitExit(Duration.ofSeconds(20))).as("exit code").hasValue(0);
            privateDir = program.privateDir();
            assertThat(program.isSandboxed()).isTrue();
            assertThat(program.residentKib()).as("the client's memory is not the program's").isEmpty();
            assertThat(program.commandLine()).startsWith(docker.toString(), "run");
            assertThat(program.stdout().text().strip()).isEqualTo("home=/tmp tmp=" + privateDir + " work="
                    + privateDir + " cwd=" + privateDir + " arg=a b");
            List<String> passedIn = program.commandLine().stream().filter(a -> a.matches("[A-Z_]+=.*"))
                    .map(a -> a.substring(0, a.indexOf('='))).toList();
            assertThat(passedIn).as("only the program's own variables go into the container")
                    .containsExactlyInAnyOrder("HOME", "TMPDIR", "SOCKETLAB_WORKDIR", "PYTHONUNBUFFERED",
                            "PYTHONIOENCODING", "PYTHONDONTWRITEBYTECODE", "LANG", "LC_ALL", "NODE_NO_WARNINGS",
                            "RUBYOPT");
            name = program.commandLine().get(program.commandLine().indexOf("--name") + 1);
            assertThat(program.commandLine()).containsSequence("-v", tempRoot + ":" + tempRoot + ":rw");
        }

        assertThat(Files.readAllLines(docker.resolveSibling("docker.log")))
                .as("the container is killed by name when the program is closed")
                .last().isEqualTo("kill " + name);
    }

    @Test
    void terminatingASandboxedProgramSignalsItsClientThenKillsItsContainer() throws IOException {
        Path docker = fakeDocker();
        ProgramLauncher launcher = new ProgramLauncher(dir.resolve("tmp"), Duration.ofSeconds(5), 64 * 1024,
                new DockerSandbox(docker.toString(), "img", DockerSandbox.Limits.DEFAULT, List.of()));
        ProgramCommand server = new ProgramCommand(List.of("/bin/sh", "-c",
                "trap 'echo got TERM; exit 7' TERM; echo ready; while :; do sleep 0.1; done"), null, "server");

        try (RunningProgram program = launcher.start("server", server, List.of())) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> program.stdout().text().contains("ready"));

            assertThat(program.terminate()).as("exit code after SIGTERM").hasValue(7);
            assertThat(program.stdout().text()).contains("got TERM");
        }

        assertThat(Files.readAllLines(docker.resolveSibling("docker.log")))
                .filteredOn(line -> line.startsWith("kill ")).hasSize(1);
    }

    private Path fakeDocker() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path docker = bin.resolve("docker");
        Files.writeString(docker, FAKE_DOCKER, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        return docker;
    }
}
