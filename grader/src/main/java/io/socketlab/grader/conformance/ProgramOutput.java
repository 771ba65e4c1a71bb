package io.socketlab.grader.conformance;

import io.socketlab.grader.process.RunningProgram;
import java.util.Arrays;

/**
 * A program's output as a report shows it: one test's window of it, stderr first (where a crash explains itself),
 * each stream cut to its last lines.
 */
final class ProgramOutput {

    static final int STDERR_LINES = 40;
    static final int STDOUT_LINES = 20;

    /** Where a window starts: how many lines each stream had ended when it was taken. */
    record Mark(long stdoutLines, long stderrLines) {
        static final Mark START = new Mark(0, 0);
    }

    private ProgramOutput() {
    }

    static Mark mark(RunningProgram program) {
        return new Mark(program.stdout().lineCount(), program.stderr().lineCount());
    }

    /** What the program wrote since {@code from}. */
    static String since(RunningProgram program, Mark from) {
        return program.stderr().timestampedLinesFrom(from.stderrLines(), STDERR_LINES)
                + program.stdout().timestampedLinesFrom(from.stdoutLines(), STDOUT_LINES);
    }

    /** What the program wrote since it started (a program that ran for one test only). */
    static String whole(RunningProgram program) {
        return since(program, Mark.START);
    }

    /** The last {@code lines} lines of stderr, untimed, for a sentence about why a program ended. */
    static String stderrTail(RunningProgram program, int lines) {
        String[] all = program.stderr().tailText(4000).strip().split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", Arrays.copyOfRange(all, from, all.length)).strip();
    }
}
