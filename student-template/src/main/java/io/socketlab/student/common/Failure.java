package io.socketlab.student.common;

/** Why a program stops early: the one line it writes on stderr, and the exit code that goes with it. */
public final class Failure extends Exception {

    /** Exit code when the server refused (an {@code ERR} reply) or the data did not verify. */
    public static final int REFUSED = 1;

    /** Exit code for a command line that is wrong or names something unusable. */
    public static final int USAGE = 2;

    /** Exit code when the conversation could not be completed: refused connection, early close, silence. */
    public static final int INCOMPLETE = 2;

    private final int exitCode;

    private Failure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The server refused, or what came back did not verify. */
    public static Failure refused(String message) {
        return new Failure(REFUSED, message);
    }

    /** The command line is wrong, or names a host, port or input that cannot be used. */
    public static Failure usage(String message) {
        return new Failure(USAGE, message);
    }

    /** The conversation could not be completed. */
    public static Failure incomplete(String message) {
        return new Failure(INCOMPLETE, message);
    }

    /** The exit code {@code main} should end the program with. */
    public int exitCode() {
        return exitCode;
    }
}
