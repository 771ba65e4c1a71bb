package io.socketlab.grader.conformance;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.process.RunningProgram;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Remembers when a program exited on its own, during which test and how long after it started, and says so for the
 * test that finds it gone: "it exited with code 1 during the test "...", 3.2 s after it started; the end of its
 * stderr: ...".
 */
final class ExitWatch {

    /** When and during what a program exited. */
    private record Exit(RunningProgram program, long atNanos, Text test, long binding, boolean duringTest) {
    }

    private volatile Text test = Text.same("");
    /** Counts the tests started so far, so an exit can tell which one was running. */
    private volatile long binding;
    private volatile boolean testRunning;
    private volatile long startedAtNanos;
    private volatile Exit exit;
    /** The program watched last, and what completes once its exit is recorded. */
    private volatile RunningProgram watched;
    private volatile CompletableFuture<Void> recorded = CompletableFuture.completedFuture(null);

    void testStarted(Text title) {
        test = title;
        binding++;
        testRunning = true;
    }

    void testEnded() {
        testRunning = false;
    }

    /** Watches {@code program}, started now, until it exits. */
    void watch(RunningProgram program) {
        startedAtNanos = System.nanoTime();
        watched = program;
        recorded = program.handle().onExit()
                .thenRun(() -> exit = new Exit(program, System.nanoTime(), test, binding, testRunning));
    }

    /** "{who} is no longer running: it exited with code C [when]; the end of its stderr: ...", in both languages. */
    Text describe(RunningProgram program, String whoEn, String whoEs) {
        awaitRecorded(program);
        Exit seen = exit;
        String code = program.exitCode().isPresent() ? Integer.toString(program.exitCode().getAsInt()) : "?";
        String whenEn = "";
        String whenEs = "";
        if (seen != null && seen.program() == program) {
            String after = ConformanceFailure.seconds(Duration.ofNanos(seen.atNanos() - startedAtNanos));
            if (seen.duringTest() && seen.binding() == binding && testRunning) {
                whenEn = " during this test, " + after + " after it started";
                whenEs = " durante esta prueba, " + after + " después de arrancar";
            } else if (seen.duringTest()) {
                whenEn = " during the test \"" + seen.test().en() + "\", " + after + " after it started";
                whenEs = " durante la prueba \"" + seen.test().es() + "\", " + after + " después de arrancar";
            } else {
                whenEn = " after the test \"" + seen.test().en() + "\" ended, " + after + " after it started";
                whenEs = " tras terminar la prueba \"" + seen.test().es() + "\", " + after + " después de arrancar";
            }
        }
        String stderr = ProgramOutput.stderrTail(program, 8);
        return Text.of(whoEn + " is no longer running: it exited with code " + code + whenEn
                        + (stderr.isEmpty() ? "; it wrote nothing on stderr" : "; the end of its stderr:\n" + stderr),
                whoEs + " ya no está en marcha: terminó con código " + code + whenEs
                        + (stderr.isEmpty() ? "; no escribió nada en stderr" : "; el final de su stderr:\n" + stderr));
    }

    /**
     * Waits a moment for the exit of a program found dead to be recorded: the JVM completes a process's exit future
     * on another thread, which a busy machine may run a little after the process is seen gone.
     */
    private void awaitRecorded(RunningProgram program) {
        Exit seen = exit;
        if (program != watched || program.isAlive() || (seen != null && seen.program() == program)) {
            return;
        }
        try {
            recorded.get(1, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Described without when it exited.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
