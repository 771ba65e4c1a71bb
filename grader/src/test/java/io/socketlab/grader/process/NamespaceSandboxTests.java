package io.socketlab.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One program at a time in {@code --sandbox ns}, through the launcher's public {@code run} (what a build or a test
 * run of a student's code would use): outside a grading session's private network, each gets a network of its own.
 */
@Timeout(60)
class NamespaceSandboxTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path code;
    private Path hidden;

    @BeforeEach
    void onlyWhereBubblewrapWorks() throws IOException {
        String why = NamespaceSandbox.unavailableBecause().orElse(null);
        if (why != null && System.getenv("SOCKETLAB_REQUIRE_SANDBOXES") != null) {
            throw new AssertionError("--sandbox ns must run here: " + why);
        }
        assumeTrue(why == null, "--sandbox ns cannot run here: " + why);
        code = Files.createDirectories(dir.resolve("code"));
        hidden = Files.writeString(code.resolve("hidden-tests.jar"), "the grader's secrets");
        Files.writeString(code.resolve("program.sh"), "echo from the code folder");
    }

    @Test
    void aProgramSeesOnlyLoopbackItsCodeReadOnlyItsFolderWritableAndNothingHidden() {
        ProgramLauncher.Finished run = run(Limits.DEFAULT, """
                ls /sys/class/net 2>/dev/null; cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '
                echo "uid=$(id -u)"
                sh program.sh
                touch "$SOCKETLAB_WORKDIR/mine" && echo "own folder writable"
                touch written 2>/dev/null || echo "code read-only"
                cat hidden-tests.jar 2>/dev/null | grep -q . || echo "hidden covered"
                ls %s 2>/dev/null || echo "repository absent"
                """.formatted(Targets.home().orElseThrow().resolve("grader")));

        assertThat(run.exitCode()).as(run.log()).hasValue(0);
        String out = run.log();
        assertThat(out).contains("out [").contains("] lo").doesNotContain("] eth");
        assertThat(out).contains("from the code folder", "own folder writable", "code read-only", "hidden covered",
                "repository absent");
        if (Tools.isRoot()) {
            assertThat(out).containsPattern("uid=(?!0\\b)\\d+");
        }
        assertThat(code.resolve("written")).doesNotExist();
    }

    @Test
    void whatAProgramStartsDiesWithItEvenInANewSessionIgnoringSigterm() {
        String marker = "socketlab-orphan-" + UUID.randomUUID();

        ProgramLauncher.Finished run = run(Limits.DEFAULT,
                "setsid sh -c 'trap \"\" TERM HUP; sleep 600; :' " + marker + " & echo started");

        assertThat(run.exitCode()).as(run.log()).hasValue(0);
        Awaitility.await("the orphan to be gone").atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.allProcesses().noneMatch(p -> p.info().arguments().map(List::of)
                        .orElse(List.of()).contains(marker)));
    }

    @Test
    void sigtermReachesTheProgramBelowTheSandboxAndItsExitCodeComesBack() throws Exception {
        ProgramLauncher launcher = launcher(Limits.DEFAULT);
        ProgramCommand server = new ProgramCommand(List.of("/bin/sh", "-c",
                "trap 'echo got TERM; exit 7' TERM; echo ready; while :; do sleep 0.1; done"), code, "server");

        try (RunningProgram program = launcher.start("server", server, List.of())) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> program.stdout().text().contains("ready"));

            assertThat(program.terminate()).as("exit code after SIGTERM").hasValue(7);
            assertThat(program.stdout().text()).contains("got TERM");
        }
    }

    @Test
    void aProgramOverItsMemoryIsKilledAndToldSo() {
        assumeCgroups();

        ProgramLauncher.Finished run = run(Limits.DEFAULT.with("memory=64m"),
                "exec python3 -c 'x = bytearray(256 << 20); print(len(x))'");

        assertThat(run.exitCode()).as(run.log()).hasValue(137);
        assertThat(run.limitBreach()).map(LimitBreach::kind).hasValue(LimitBreach.Kind.MEMORY);
        assertThat(run.limitBreach().orElseThrow().description().en()).contains("more than 64 MiB of memory");
    }

    @Test
    void aForkLoopStopsAtTheTaskLimitAndIsToldSo() {
        assumeCgroups();

        ProgramLauncher.Finished run = run(Limits.DEFAULT.with("pids=16"),
                "i=0; while [ $i -lt 40 ]; do sleep 5 & i=$((i+1)); done 2>/dev/null; wait");

        assertThat(run.limitBreach()).as(run.log()).map(LimitBreach::kind).hasValue(LimitBreach.Kind.PIDS);
    }

    @Test
    void aSpinningProgramIsKilledAtItsCpuTimeAndToldSo() {
        ProgramLauncher.Finished run = run(Limits.DEFAULT.with("cpu=1s"), "while :; do :; done");

        assertThat(run.exitCode()).as(run.log()).hasValue(128 + 24);
        assertThat(run.limitBreach()).map(LimitBreach::kind).hasValue(LimitBreach.Kind.CPU);
    }

    @Test
    void aFileBeyondTheSizeLimitIsStoppedAndToldSo() {
        ProgramLauncher.Finished run = run(Limits.DEFAULT.with("fsize=1m"),
                "cd \"$SOCKETLAB_WORKDIR\" && exec python3 -c 'open(\"big\", \"wb\").write(bytes(4 << 20))'");

        assertThat(run.exitCode()).as(run.log()).isNotEqualTo(java.util.OptionalInt.of(0));
        assertThat(run.limitBreach()).map(LimitBreach::kind).hasValue(LimitBreach.Kind.FSIZE);
    }

    private void assumeCgroups() {
        NamespaceSandbox sandbox = NamespaceSandbox.create(Limits.DEFAULT, List.of());
        assumeTrue(sandbox.limitations().stream().noneMatch(l -> l.contains("memory is not limited")),
                "no cgroups for this user here: " + sandbox.limitations());
    }

    /** Runs {@code script} through sh in the code folder. */
    private ProgramLauncher.Finished run(Limits limits, String script) {
        ProgramCommand command = new ProgramCommand(List.of("/bin/sh", "-c", script), code, "script");
        return launcher(limits).run("script", command, List.of(), TIMEOUT);
    }

    private ProgramLauncher launcher(Limits limits) {
        return new ProgramLauncher(dir.resolve("session"), Duration.ofSeconds(2), 64 * 1024,
                NamespaceSandbox.create(limits, List.of(hidden)));
    }
}
