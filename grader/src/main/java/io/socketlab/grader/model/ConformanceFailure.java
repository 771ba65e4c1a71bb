package io.socketlab.grader.model;

import java.time.Duration;
import java.util.Locale;
import org.opentest4j.AssertionFailedError;

/**
 * The implementation broke the contract: what the test was doing, what it expected, and what it got instead, each
 * fact in English and Spanish. Extends {@link AssertionFailedError} so IDEs can diff expected and actual.
 *
 * <p>Suites rarely build one by hand: the probe language ({@code io.socketlab.grader.probe}) throws it with its facts
 * filled in. Every fact is a {@link Text}, never a plain String: a String reads the same in both languages, so a
 * Spanish report would show English ({@code Text.same} is for data only: quoted bytes, numbers).
 */
public class ConformanceFailure extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final Text step;
    private final Text expectedText;
    private final Text actualText;
    private final Text hint;

    public ConformanceFailure(FailureKind kind, Text step, Text expected, Text actual, Text hint) {
        super(step.en() + ": expected " + expected.en() + " but got " + actual.en(), expected.en(), actual.en());
        this.kind = kind;
        this.step = step;
        this.expectedText = expected;
        this.actualText = actual;
        this.hint = hint;
    }

    public static ConformanceFailure wrongOutput(Text step, Text expected, Text actual) {
        return new ConformanceFailure(FailureKind.WRONG_OUTPUT, step, expected, actual, null);
    }

    /** Nothing arrived within {@code waited}: the actual fact says so. */
    public static ConformanceFailure timeout(Text step, Text expected, Duration waited) {
        return timeout(step, expected, nothingWithin(waited));
    }

    /** Time ran out, and {@code actual} says what had happened by then (what arrived, what was still running). */
    public static ConformanceFailure timeout(Text step, Text expected, Text actual) {
        return new ConformanceFailure(FailureKind.TIMEOUT, step, expected, actual, null);
    }

    public static ConformanceFailure closed(Text step, Text expected) {
        return new ConformanceFailure(FailureKind.CLOSED_UNEXPECTEDLY, step, expected,
                Text.of("the connection was closed", "la conexión se cerró"), null);
    }

    /** The connection closed after {@code soFar} arrived (a rendering of the bytes, or a count). */
    public static ConformanceFailure closed(Text step, Text expected, Text soFar) {
        return new ConformanceFailure(FailureKind.CLOSED_UNEXPECTEDLY, step, expected,
                Text.format("%s and then the connection was closed", "%s y luego se cerró la conexión", soFar), null);
    }

    public static ConformanceFailure crashed(Text step, Text expected, Text actual) {
        return new ConformanceFailure(FailureKind.CRASHED, step, expected, actual, null);
    }

    public static ConformanceFailure integrity(Text step, Text expected, Text actual) {
        return new ConformanceFailure(FailureKind.INTEGRITY, step, expected, actual, null);
    }

    /** "nothing within 5.0 s" / "nada en 5.0 s". */
    public static Text nothingWithin(Duration waited) {
        String seconds = seconds(waited);
        return Text.of("nothing within " + seconds, "nada en " + seconds);
    }

    /** A duration as a student reads it: {@code 5.0 s}. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
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

    /** What the test was doing. */
    public Text step() {
        return step;
    }

    /** The failure in one sentence, in both languages: what its message says in English. */
    public Text summary() {
        return Text.format("%s: expected %s but got %s", "%s: se esperaba %s pero se obtuvo %s", step, expectedText,
                actualText);
    }

    /** What the contract required. */
    public Text expected() {
        return expectedText;
    }

    /** The failure as a report shows it; {@code defaultHint} is the test's own hint. */
    public FailureDetail detail(Text defaultHint) {
        return new FailureDetail(step, expectedText, actualText, hint != null ? hint : defaultHint);
    }
}
