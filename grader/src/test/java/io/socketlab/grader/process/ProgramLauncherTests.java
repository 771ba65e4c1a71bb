package io.socketlab.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.grader.model.HarnessException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProgramLauncherTests {

    /** What a program may inherit from the grader's environment: nothing that could carry a secret. */
    private static final Set<String> INHERITABLE = Set.of(
            "PATH", "HOME", "USER", "LOGNAME", "SHELL", "TERM", "TZ", "JAVA_HOME",
            "PYENV_ROOT", "PYENV_VERSION", "VIRTUAL_ENV", "CONDA_PREFIX", "GOPATH", "GOROOT",
            "CARGO_HOME", "RUSTUP_HOME", "NVM_DIR", "NODE_PATH", "DISPLAY", "XAUTHORITY");

    /** What the launcher sets so interpreted programs flush and speak UTF-8. */
    private static final Map<String, String> ADDED = Map.of(
            "PYTHONUNBUFFERED", "1",
            "PYTHONIOENCODING", "utf-8",
            "PYTHONDONTWRITEBYTECODE", "1",
            "LANG", "C.UTF-8",
            "LC_ALL", "C.UTF-8",
            "NODE_NO_WARNINGS", "1",
            "RUBYOPT", "-W0");

    private static final Duration TO_EXIT = Duration.ofSeconds(20);

    @TempDir
    Path tempRoot;

    private final List<RunningProgram> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        started.forEach(RunningProgram::close);
    }

    @Test
    void passesOnlyWhitelistedVariablesAndTheOnesItAdds() {
        RunningProgram env = start(new ProgramCommand(List.of("/usr/bin/env"), null, "env"), List.of());

        Map<String, String> seen = variables(stdoutAfterExit(env));

        Set<String> allowed = new HashSet<>(INHERITABLE);
        allowed.addAll(ADDED.keySet());
        allowed.addAll(List.of("TMPDIR", "SOCKETLAB_WORKDIR"));
        assertThat(seen.keySet()).isSubsetOf(allowed);
        assertThat(seen).containsAllEntriesOf(ADDED)
                .containsEntry("TMPDIR", env.privateDir().toString())
                .containsEntry("SOCKETLAB_WORKDIR", env.privateDir().toString());
        Optional.ofNullable(System.getenv("PATH")).ifPresent(path -> assertThat(seen).containsEntry("PATH", path));
    }

    @Test
    void dropsTheGradersOtherVariables() {
        Optional<String> notWhitelisted = System.getenv().keySet().stream()
                .filter(name -> !INHERITABLE.contains(name) && !ADDED.containsKey(name))
                .filter(name -> !name.equals("TMPDIR") && !name.equals("SOCKETLAB_WORKDIR"))
                .findFirst();
        assumeTrue(notWhitelisted.isPresent(), "the test JVM has no variable outside the whitelist");

        RunningProgram env = start(new ProgramCommand(List.of("/usr/bin/env"), null, "env"), List.of());

        assertThat(variables(stdoutAfterExit(env))).doesNotContainKey(notWhitelisted.get());
    }

    @Test
    void runsAProgramWithoutAWorkingDirectoryInItsPrivateFolder() throws IOException {
        RunningProgram pwd = start(shell("pwd -P"), List.of());

        assertThat(stdoutAfterExit(pwd).strip()).isEqualTo(pwd.privateDir().toRealPath().toString());
        assertThat(pwd.privateDir().getParent()).isEqualTo(tempRoot);
    }

    @Test
    void runsAProgramInTheWorkingDirectoryItsCommandNames(@TempDir Path workingDir) throws IOException {
        RunningProgram pwd = start(new ProgramCommand(List.of("/bin/sh", "-c", "pwd -P"), workingDir, "pwd"), List.of());

        assertThat(stdoutAfterExit(pwd).strip()).isEqualTo(workingDir.toRealPath().toString());
    }

    @Test
    void keepsThePrivateFolderWhileTheProgramRunsAndRemovesItOnClose() throws IOException {
        RunningProgram program = start(shell("echo scratch > \"$TMPDIR/scratch.txt\"; exec sleep 300"), List.of());
        Path privateDir = program.privateDir();
        await().atMost(TO_EXIT).until(() -> Files.exists(privateDir.resolve("scratch.txt")));

        assertThat(program.isAlive()).isTrue();
        assertThat(privateDir).isDirectory();

        program.close();

        assertThat(program.isAlive()).isFalse();
        assertThat(privateDir).doesNotExist();
    }

    @Test
    void givesEachProgramItsOwnPrivateFolder() {
        RunningProgram first = start(shell("exec sleep 300"), List.of());
        RunningProgram second = start(shell("exec sleep 300"), List.of());

        assertThat(first.privateDir()).isNotEqualTo(second.privateDir());
    }

    @Test
    void feedsStdinAndReportsTheExitCode() throws IOException {
        RunningProgram cat = start(shell("cat; exit 7"), List.of());

        cat.stdin().write("through stdin\n".getBytes(StandardCharsets.UTF_8));
        cat.closeStdin();

        assertThat(cat.awaitExit(TO_EXIT)).hasValue(7);
        assertThat(cat.stdout().text()).isEqualTo("through stdin\n");
        assertThat(cat.exitCode()).hasValue(7);
    }

    @Test
    void capturesStderrApartFromStdoutWithTimestampedLinesForTheLog() {
        RunningProgram program = start(shell("echo to-out; echo to-err >&2"), List.of());

        program.awaitExit(TO_EXIT);

        assertThat(program.stdout().text()).isEqualTo("to-out\n");
        assertThat(program.stderr().text()).isEqualTo("to-err\n");
        assertThat(program.log()).containsPattern("out \\[ *\\d+\\.\\d{3}s] to-out\n")
                .containsPattern("err \\[ *\\d+\\.\\d{3}s] to-err\n");
    }

    @Test
    void appendsTheArgumentsToTheCommand() {
        RunningProgram program = start(new ProgramCommand(List.of("/bin/sh", "-c", "echo \"$1|$2\"", "sh"), null, "echo"),
                List.of("--port", "4000"));

        assertThat(program.commandLine()).containsExactly("/bin/sh", "-c", "echo \"$1|$2\"", "sh", "--port", "4000");
        assertThat(stdoutAfterExit(program)).isEqualTo("--port|4000\n");
    }

    @Test
    void aCommandThatCannotBeStartedIsAHarnessErrorAndLeavesNoFolder() throws IOException {
        ProgramLauncher launcher = new ProgramLauncher(tempRoot, Duration.ofSeconds(2), 1024);
        ProgramCommand missing = new ProgramCommand(List.of("/nonexistent/server"), null, "./server");

        assertThatExceptionOfType(HarnessException.class)
                .isThrownBy(() -> launcher.start("server", missing, List.of()))
                .withMessageStartingWith("cannot start `./server`: ")
                .satisfies(e -> assertThat(e.explanation().es())
                        .isEqualTo("no se puede arrancar `./server`: no existe ese fichero o carpeta"));
        try (var left = Files.list(tempRoot)) {
            assertThat(left).isEmpty();
        }
    }

    private RunningProgram start(ProgramCommand command, List<String> arguments) {
        RunningProgram program = new ProgramLauncher(tempRoot, Duration.ofSeconds(2), 64 * 1024)
                .start("test program", command, arguments);
        started.add(program);
        return program;
    }

    private static ProgramCommand shell(String script) {
        return new ProgramCommand(List.of("/bin/sh", "-c", script), null, script);
    }

    private static String stdoutAfterExit(RunningProgram program) {
        assertThat(program.awaitExit(TO_EXIT)).as("exit code of " + program.commandLine()).hasValue(0);
        return program.stdout().text();
    }

    private static Map<String, String> variables(String envOutput) {
        return envOutput.lines().filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1), (a, b) -> b));
    }
    @Test
    void theDataFoldersOfACommandLineAreTheLaunchersFoldersItsArgumentsName() {
        ProgramLauncher launcher = new ProgramLauncher(tempRoot, Duration.ofSeconds(2), 1024);
        Path store = launcher.newFolder("store");
        Path agent = launcher.newFolder("agent");
        Path dir = launcher.newFolder("dir");

        List<Path> folders = launcher.dataFolders(List.of("java",
                "-javaagent:" + agent.resolve("a.jar") + "=destfile=" + agent.resolve("own.exec"),
                "--store", store.resolve("reports.jsonl").toString(), "--dir=" + dir, "/etc/passwd",
                "x" + store, tempRoot.toString()));

        assertThat(folders).as("a sandbox lets the program write these, and only these")
                .containsExactly(agent, store, dir);
    }
}
