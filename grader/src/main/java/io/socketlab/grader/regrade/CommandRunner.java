package io.socketlab.grader.regrade;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs one command of a student's regrade (their build, their grading) to its end, bounded in time and output, and
 * leaves nothing of it running. How isolated the command is depends on the implementation: {@link PlainCommandRunner}
 * runs plain processes; a namespace sandbox plugs in here.
 */
public interface CommandRunner {

    /**
     * What to run.
     *
     * @param label       names the command in messages ({@code alice: build})
     * @param command     the program and its arguments
     * @param workDir     where it runs
     * @param environment its whole environment (nothing else is inherited)
     * @param timeout     how long it may run before it is killed with everything it started
     * @param log         where its output (stdout and stderr, capped: a head and a tail) is written
     * @param scratch     the folder that is the command's own: it may write here; every process found working in it
     *                    afterwards is one it left behind
     * @param readOnly    folders it needs to read but must not change (a shared Maven repository)
     */
    record Invocation(String label, List<String> command, Path workDir, Map<String, String> environment,
                      Duration timeout, Path log, Path scratch, List<Path> readOnly) {

        public Invocation {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
            readOnly = List.copyOf(readOnly);
        }
    }

    /**
     * How it ended.
     *
     * @param exitCode   its exit code ({@code -1} when it was killed on its timeout)
     * @param timedOut   whether it ran out of time and was killed
     * @param took       how long it ran
     * @param outputTail the last lines of its output, for a one-line reason
     * @param leftovers  processes it left running that were killed afterwards
     */
    record Finished(int exitCode, boolean timedOut, Duration took, String outputTail, int leftovers) {
    }

    /** Runs the command to its end; throws only when it cannot be started or the wait is interrupted. */
    Finished run(Invocation invocation) throws InterruptedException;

    /** Says, in a few words, how isolated commands are (for the console and the docs). */
    String describe();
}
