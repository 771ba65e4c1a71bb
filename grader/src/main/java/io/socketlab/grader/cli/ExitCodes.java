package io.socketlab.grader.cli;

/** What the grader's exit code means. */
public final class ExitCodes {

    /** Every point earned. */
    public static final int FULL_MARKS = 0;
    /** The run completed and some points were lost. */
    public static final int POINTS_LOST = 1;
    /** The command line was wrong (unknown target, exercise or option). */
    public static final int USAGE = 2;
    /** The harness or the machine failed; the score is incomplete. Run again. */
    public static final int HARNESS_ERROR = 3;

    private ExitCodes() {
    }
}
