package io.socketlab.grader.conformance;

import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.process.BuiltinTarget;
import io.socketlab.grader.process.ProgramCommand;
import io.socketlab.grader.process.ProgramLauncher;
import io.socketlab.grader.process.RunningProgram;
import io.socketlab.grader.process.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The target's code as a whole, for checks that read or build on it rather than talk to its programs: one per
 * program, shared by its tests, so an expensive result (a run of the target's own tests) is computed once.
 */
public final class CodeUnderTest implements AutoCloseable {

    private final GradingContext context;
    private final Map<String, Object> results = new HashMap<>();
    private final List<Path> folders = new ArrayList<>();
    private TestScope scope;

    CodeUnderTest(GradingContext context) {
        this.context = context;
    }

    synchronized void bind(TestScope testScope) {
        this.scope = testScope;
    }

    public Target target() {
        return context.target();
    }

    /** The target as a module of this repository (its classes, sources, tests), when it is one. */
    public Optional<BuiltinTarget> module() {
        return context.target() instanceof BuiltinTarget builtin && builtin.moduleDir().isPresent()
                ? Optional.of(builtin) : Optional.empty();
    }

    public Timeouts timeouts() {
        return context.timeouts();
    }

    /** A new empty folder, removed when the program's last test ends. */
    public synchronized Path newFolder(String label) {
        Path folder = context.launcher().newFolder(label);
        folders.add(folder);
        return folder;
    }

    /**
     * Runs {@code command} with {@code arguments} and no input until it exits; one still running after
     * {@code within} is stopped and reported as such.
     */
    public ClientResult run(String label, ProgramCommand command, List<String> arguments, Duration within) {
        try (RunningProgram program = scope.watch(context.launcher().start(label, command, arguments))) {
            scope.transcript().note(label, Text.format("ran `%s` %s", "ejecutado `%s` %s", command.description(),
                    String.join(" ", arguments)));
            program.closeStdin();
            OptionalInt exit = program.awaitExit(within);
            scope.addLog(label, ProgramOutput.whole(program));
            return exit.isPresent()
                    ? new ClientResult(exit.getAsInt(), program.stdout().bytes(), program.stderr().text())
                    : ClientResult.stillRunning(within, program.stdout().bytes(), program.stderr().text());
        }
    }

    /** {@code compute}'s result, computed by the first test of the program that asks for {@code key}. */
    @SuppressWarnings("unchecked")
    public synchronized <T> T once(String key, Supplier<T> compute) {
        Object result = results.get(key);
        if (result == null) {
            result = compute.get();
            results.put(key, result);
        }
        return (T) result;
    }

    @Override
    public synchronized void close() {
        folders.forEach(ProgramLauncher::deleteRecursively);
    }
}
