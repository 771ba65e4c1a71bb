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
     * {@code kill} and {@code inspect} answer like a container already gone, {@code rm} succeeds.
     */
    private static final String FAKE_DOCKER = """
            #!/bin/sh
            printf '%s\\n' "$*" >> "$(dirname "$0")/docker.log"
            case "$1" in
              kill|inspect) echo "Error response from daemon: No such container: $2" >&2; exit 1 ;;
              rm) exit 0 ;;
              run) shift ;;
              *) exit 2 ;;
            esac
            while [ $# -gt 0 ]; do
              case "$1" in
                -i|--init|--read-only) shift ;;
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
                "host:42", "socketlab/runner", "container:socketlab-net-1",
                Limits.DEFAULT.with("cpus=0.5,memory=256m,pids=64,cpu=30s,fsize=8m,nofile=100"), "1000:1000",
                Path.of("/course/py"), List.of(Path.of("/course"), Path.of("/opt/lib.jar")),
                List.of(Path.of("/tmp/socketlab-1/server-1")), List.of(Path.of("/course/grader.jar")),
                Map.of("TMPDIR", "/tmp/socketlab-1/server-1", "LANG", "C.UTF-8"),
                List.of("python3", "server.py", "--port", "4000"));

        assertThat(container.argv()).containsExactly(
                "docker", "run", "-i", "--init", "--pull", "never",
                "--name", "socketlab-ab12cd34-3", "--label", "socketlab.session=ab12cd34",
                "--label", "socketlab.owner=host:42",
                "--network", "container:socketlab-net-1",
                "--cpus", "0.5", "--memory", "268435456", "--memory-swap", "268435456", "--pids-limit", "64",
                "--ulimit", "cpu=30:31", "--ulimit", "fsize=8388608", "--ulimit", "nofile=100:100",
                "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                "--read-only", "--tmpfs", "/tmp:rw,exec,mode=1777,size=8388608",
                "--user", "1000:1000",
                "-v", "/course:/course:ro", "-v", "/opt/lib.jar:/opt/lib.jar:ro",
                "-v", "/tmp/socketlab-1/server-1:/tmp/socketlab-1/server-1:rw",
                "-v", "/dev/null:/course/grader.jar:ro",
                "-w", "/course/py",
                "-e", "LANG=C.UTF-8", "-e", "TMPDIR=/tmp/socketlab-1/server-1",
                "socketlab/runner", "python3", "server.py", "--port", "4000");
    }

    @Test
    void aJavaProgramRunsOnTheImagesJavaWithOnlyItsCodeReadOnlyAndItsOwnFoldersWritable() throws IOException {
        Path repository = Files.createDirectories(dir.resolve("repo"));
        Path classes = Files.createDirectories(repository.resolve("reference/target/classes"));
        Path jar = Files.writeString(dir.resolve("lib.jar"), "jar");
        Path session = Files.createDirectories(dir.resolve("session"));
        Path privateDir = Files.createDirectories(session.resolve("server-1"));
        Path data = Files.createDirectories(session.resolve("data-1"));
        Path graderJar = Files.writeString(repository.resolve("grader.jar"), "hidden");
        DockerSandbox sandbox = new DockerSandbox("docker", "img", Limits.DEFAULT, "container:holder",
                List.of(graderJar), null);
        String hostJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(hostJava, "-cp", classes + ":" + jar + ":relative.jar", "io.Main", "--port", "1");

        DockerSandbox.Container first = sandbox.container(new Sandbox.Launch("server", command, privateDir,
                privateDir, session, List.of(privateDir, data), ProgramLauncher.codePaths(command),
                Map.of("PATH", "/usr/bin", "TMPDIR", privateDir.toString())), java.util.OptionalInt.empty());
        DockerSandbox.Container second = sandbox.container(new Sandbox.Launch("client", List.of("/bin/true"),
                repository, privateDir, session, List.of(privateDir), List.of(classes), Map.of()),
                java.util.OptionalInt.empty());

        assertThat(first.command()).containsExactly(
                "java", "-cp", classes + ":" + jar + ":relative.jar", "io.Main", "--port", "1");
        assertThat(first.readOnly()).as("the classes and the jar, never the repository around them")
                .containsExactly(classes, jar);
        assertThat(first.writable()).containsExactly(privateDir, data);
        assertThat(first.workingDir()).isEqualTo(privateDir);
        assertThat(first.user()).matches("\\d+:\\d+");
        assertThat(first.environment()).as("the host's PATH means nothing in the image")
                .doesNotContainKey("PATH").containsEntry("HOME", privateDir.toString());
        assertThat(first.hidden()).as("the grader's jar is not under a mounted folder").isEmpty();
        assertThat(second.readOnly()).as("a working folder holding the classes is mounted once")
                .containsExactly(repository);
        assertThat(second.hidden()).as("the grader's jar in a mounted folder is covered over").containsExactly(graderJar);
        assertThat(first.name()).matches("socketlab-[0-9a-f]{8}-1");
        assertThat(second.name()).isEqualTo(first.name().replaceAll("-1$", "-2"));
        assertThat(second.label()).isEqualTo(first.label());
        assertThat(first.network()).isEqualTo("container:holder");
    }

    @Test
    void theLauncherRunsTheProgramThroughDockerWithOnlyItsOwnEnvironmentAndRemovesTheContainerAtTheEnd()
            throws IOException {
        Path docker = fakeDocker();
        Path tempRoot = dir.resolve("tmp");
        ProgramLauncher launcher = new ProgramLauncher(tempRoot, Duration.ofSeconds(2), 64 * 1024,
                new DockerSandbox(docker.toString(), "img", Limits.DEFAULT, "none", List.of(), null));
        ProgramCommand command = new ProgramCommand(List.of("/bin/sh", "-c",
                "echo \"home=$HOME tmp=$TMPDIR work=$SOCKETLAB_WORKDIR cwd=$(pwd) arg=$1\"", "sh"),
                null, "print");

        String name;
        Path privateDir;
        try (RunningProgram program = launcher.start("client", command, List.of("a b"))) {
            assertThat(program.awaitExit(Duration.ofSeconds(20))).as("exit code").hasValue(0);
            privateDir = program.privateDir();
            assertThat(program.residentKib()).as("the client's memory is not the program's").isEmpty();
            assertThat(program.startedCommandLine()).startsWith(docker.toString(), "run");
            assertThat(program.stdout().text().strip()).isEqualTo("home=" + privateDir + " tmp=" + privateDir + " work="
                    + privateDir + " cwd=" + privateDir + " arg=a b");
            List<String> passedIn = program.startedCommandLine().stream().filter(a -> a.matches("[A-Z_]+=.*"))
                    .map(a -> a.substring(0, a.indexOf('='))).toList();
            assertThat(passedIn).as("only the program's own variables go into the container")
                    .containsExactlyInAnyOrder("HOME", "TMPDIR", "SOCKETLAB_WORKDIR", "PYTHONUNBUFFERED",
                            "PYTHONIOENCODING", "PYTHONDONTWRITEBYTECODE", "LANG", "LC_ALL", "NODE_NO_WARNINGS",
                            "RUBYOPT");
            name = program.startedCommandLine().get(program.startedCommandLine().indexOf("--name") + 1);
            assertThat(program.startedCommandLine()).containsSequence("-v", privateDir + ":" + privateDir + ":rw");
        }

        assertThat(Files.readAllLines(docker.resolveSibling("docker.log")))
                .as("the container is removed by name when the program is closed")
                .last().isEqualTo("rm -f " + name);
    }

    @Test
    void terminatingASandboxedProgramSignalsItsClientThenRemovesItsContainer() throws IOException {
        Path docker = fakeDocker();
        ProgramLauncher launcher = new ProgramLauncher(dir.resolve("tmp"), Duration.ofSeconds(5), 64 * 1024,
                new DockerSandbox(docker.toString(), "img", Limits.DEFAULT, "none", List.of(), null));
        ProgramCommand server = new ProgramCommand(List.of("/bin/sh", "-c",
                "trap 'echo got TERM; exit 7' TERM; echo ready; while :; do sleep 0.1; done"), null, "server");

        try (RunningProgram program = launcher.start("server", server, List.of())) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> program.stdout().text().contains("ready"));

            assertThat(program.terminate()).as("exit code after SIGTERM").hasValue(7);
            assertThat(program.stdout().text()).contains("got TERM");
        }

        assertThat(Files.readAllLines(docker.resolveSibling("docker.log")))
                .filteredOn(line -> line.startsWith("rm -f ")).hasSize(1);
    }

    private Path fakeDocker() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path docker = bin.resolve("docker");
        Files.writeString(docker, FAKE_DOCKER, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        return docker;
    }
}
