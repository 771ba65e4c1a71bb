package io.socketlab.grader.model;

import java.time.Duration;
import java.util.Locale;
import org.opentest4j.AssertionFailedError;

/**
 * The implementation broke the contract: what the test was doing, what it expected, and what it got instead.
 * Extends {@link AssertionFailedError} so IDEs can diff expected and actual.
 */
public class ConformanceFailure extends AssertionFailedError {

    private final FailureKind kind;
    private final Text step;
    private final String expectedText;
    private final Text actualText;
    private final Text hint;

    public ConformanceFailure(FailureKind kind, Text step, String expected, Text actual, Text hint) {
        super(step.en() + ": expected " + expected + " but got " + actual.en(), expected, actual.en());
        this.kind = kind;
        this.step = step;
        this.expectedText = expected;
        this.actualText = actual;
        this.hint = hint;
    }

    public static ConformanceFailure wrongOutput(Text step, String expected, String actual) {
        return new ConformanceFailure(FailureKind.WRONG_OUTPUT, step, expected, Text.same(actual), null);
    }

    public static ConformanceFailure wrongOutput(Text step, String expected, Text actual) {
        return new ConformanceFailure(FailureKind.WRONG_OUTPUT, step, expected, actual, null);
    }

    public static ConformanceFailure timeout(Text step, String expected, Duration waited) {
        String seconds = String.format(Locale.ROOT, "%.1f s", waited.toMillis() / 1000.0);
        return new ConformanceFailure(FailureKind.TIMEOUT, step, expected,
                Text.of("nothing within " + seconds, "nada en " + seconds), null);
    }

    public static ConformanceFailure closed(Text step, String expected) {
        return new ConformanceFailure(FailureKind.CLOSED_UNEXPECTEDLY, step, expected,
                Text.of("the connection was closed", "la conexión se cerró"), null);
    }

    public static ConformanceFailure closed(Text step, String expected, String soFar) {
        return new ConformanceFailure(FailureKind.CLOSED_UNEXPECTEDLY, step, expected,
                Text.of(soFar + " and then the connection was closed", soFar + " y luego se cerró la conexión"), null);
    }

    public static ConformanceFailure crashed(Text step, String expected, Text actual) {
        return new ConformanceFailure(FailureKind.CRASHED, step, expected, actual, null);
    }

    public static ConformanceFailure integrity(Text step, String expected, Text actual) {
        return new ConformanceFailure(FailureKind.INTEGRITY, step, expected, actual, null);
    }

    /** The same failure with a hint more specific than the test's own. */
    public ConformanceFailure withHint(Text specificHint) {
        ConformanceFailure copy = new ConformanceFailure(kind, step, expectedText, actualText, specificHint);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public FailureKind kind() {
        return kind;
    }

    /** The failure as a report shows it; {@code defaultHint} is the test's own hint. */
    public FailureDetail detail(Text defaultHint) {
        return new FailureDetail(step, expectedText, actualText, hint != null ? hint : defaultHint);
    }
}
