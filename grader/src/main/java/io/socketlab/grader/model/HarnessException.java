package io.socketlab.grader.model;

/**
 * The harness or the machine failed (no free port, a program could not be launched): never the student's fault.
 * One thrown while a test runs is shown to the student, so it says what happened in both languages
 * ({@link #HarnessException(Text)}); the String constructors are for failures outside a test (a command's setup),
 * which reach only the console of whoever runs the grader.
 */
public class HarnessException extends RuntimeException {

    private final Text explanation;

    public HarnessException(Text message) {
        this(message, null);
    }

    public HarnessException(Text message, Throwable cause) {
        super(message.en(), cause);
        this.explanation = message;
    }

    public HarnessException(String message) {
        this(message, null);
    }

    public HarnessException(String message, Throwable cause) {
        super(message, cause);
        this.explanation = null;
    }

    /** What went wrong, as a report shows it: in both languages when the thrower said it so, else its message. */
    public Text explanation() {
        return explanation != null ? explanation : Text.same(getMessage());
    }
}
