package io.socketlab.grader.regrade;

import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.process.Limits;
import io.socketlab.grader.process.NamespaceSandbox;
import io.socketlab.grader.process.OutputCapture;
import io.socketlab.grader.process.ProgramCommand;
import io.socketlab.grader.process.ProgramLauncher;
import io.socketlab.grader.process.RunningProgram;
import io.socketlab.grader.process.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Runs a regrade's commands with {@code --sandbox ns}: a student's build (their pom runs code) in bubblewrap
 * namespaces, with a network of its own (loopback only: the build is offline), its own PID namespace (nothing it
 * starts survives it), only its source, its scratch folder (writable) and the Maven repository (read-only) besides
 * the system's folders, a uid of its own when the regrade runs as root, and limits sized for a build. The grading
 * itself runs the grader, which is trusted and sandboxes the student's programs on its own
 * ({@code grade --sandbox ns}): it runs as a plain process.
 */
public final class NamespaceCommandRunner implements CommandRunner {

    /** What a student's build may use: a Maven JVM compiling a module, with room. */
    static final Limits BUILD_LIMITS = Limits.DEFAULT.with("memory=2g,pids=1024,cpu=900s,fsize=1g,nofile=4096");

    private final CommandRunner grading = new PlainCommandRunner();

    /**
     * @throws IllegalStateException saying why, when bubblewrap cannot sandbox a build here
     */
    public NamespaceCommandRunner() {
        NamespaceSandbox.unavailableBecause().ifPresent(why -> {
            throw new IllegalStateException("--sandbox ns cannot isolate builds here: " + why);
        });
    }

    @Override
    public Finished run(Invocation invocation) throws InterruptedException {
        if (invocation.command().contains(Grader.MAIN_CLASS)) {
            return grading.run(invocation);
        }
        long start = System.nanoTime();
        // One sandbox per command: its uid is the command's alone, whatever runs beside it.
        try (NamespaceSandbox sandbox = NamespaceSandbox.create(BUILD_LIMITS, Sandbox.graderFiles())) {
            Files.createDirectories(invocation.scratch());
            ProgramLauncher launcher = new ProgramLauncher(Files.createTempDirectory(invocation.scratch(), "sandbox-"),
                    Duration.ofSeconds(5), BoundedProcess.HEAD_BYTES, sandbox);
            ProgramCommand command = new ProgramCommand(invocation.command(), invocation.workDir(), invocation.label())
                    .withFolders(invocation.readOnly(), List.of(invocation.workDir(), invocation.scratch()));
            try (RunningProgram program = launcher.start(invocation.label(), command, List.of(),
                    invocation.environment())) {
                program.closeStdin();
                OptionalInt exit = program.awaitExit(invocation.timeout());
                program.close();
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                writeLog(invocation, program, exit, took);
                String tail = program.limitBreach().map(b -> b.description().en())
                        .orElse(program.stdout().tailText(300).strip() + " " + program.stderr().tailText(300).strip());
                return new Finished(exit.orElse(-1), exit.isEmpty(), took, tail.strip(), 0);
            }
        } catch (IOException e) {
            throw new HarnessException(invocation.label() + ": cannot prepare the sandbox: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "builds in namespaces (bubblewrap: loopback only, own PID namespace, only their source and scratch "
                + "folders writable, " + BUILD_LIMITS + "); the grader as a plain process, its programs in --sandbox ns";
    }

    /** The command, its stdout (head, and tail when more came), its stderr, and how it ended. */
    private static void writeLog(Invocation invocation, RunningProgram program, OptionalInt exit, Duration took) {
        StringBuilder log = new StringBuilder();
        log.append("$ ").append(String.join(" ", invocation.command())).append('\n');
        for (OutputCapture output : List.of(program.stdout(), program.stderr())) {
            log.append(output.text());
            if (output.truncated()) {
                log.append("\n... ").append(output.totalBytes()).append(" bytes in all; the last of them:\n")
                        .append(output.tailText(BoundedProcess.TAIL_BYTES));
            }
        }
        program.limitBreach().ifPresent(breach -> log.append('\n').append(breach.description().en()));
        log.append(String.format(Locale.ROOT, "%n[%s after %.1f s]%n", exit.isEmpty()
                ? "killed: ran out of its " + invocation.timeout().toSeconds() + " s"
                : "exit code " + exit.getAsInt(), took.toMillis() / 1000.0));
        try {
            Files.createDirectories(invocation.log().getParent());
            Files.writeString(invocation.log(), log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HarnessException("cannot write " + invocation.log() + ": " + e.getMessage(), e);
        }
    }
}
