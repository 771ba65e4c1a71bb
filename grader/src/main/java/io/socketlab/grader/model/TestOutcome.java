package io.socketlab.grader.model;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The graded result of one conformance test, ready for every report.
 *
 * @param number     position in the run, 1-based, stable for a given selection of exercises
 * @param kind       why it failed; {@code null} unless the verdict is FAIL
 * @param detail     what happened, for a student; {@code null} on PASS
 * @param transcript the wire transcript up to the first divergence; empty when none
 * @param log        the programs' output (head and tail, timestamped); empty when none
 * @param flaky      failed with a harness error, then passed on its retry
 * @param images     pictures the test attached (a frame the program wrote); empty when none
 */
public record TestOutcome(
        int number,
        String exercise,
        Program program,
        String clause,
        Text title,
        int points,
        Level level,
        Visibility visibility,
        Verdict verdict,
        FailureKind kind,
        FailureDetail detail,
        String transcript,
        String log,
        Duration duration,
        boolean flaky,
        List<Image> images) {

    /** An outcome without pictures. */
    public TestOutcome(int number, String exercise, Program program, String clause, Text title, int points, Level level,
                       Visibility visibility, Verdict verdict, FailureKind kind, FailureDetail detail, String transcript,
                       String log, Duration duration, boolean flaky) {
        this(number, exercise, program, clause, title, points, level, visibility, verdict, kind, detail, transcript,
                log, duration, flaky, List.of());
    }

    /** Points earned: all of them on PASS, none otherwise. */
    public int score() {
        return verdict == Verdict.PASS && level != Level.INFO ? points : 0;
    }

    /** Points this test adds to the maximum: none for INFO, and none when the harness failed. */
    public int maxScore() {
        return level == Level.INFO || !verdict.countsTowardsMaximum() ? 0 : points;
    }

    /** The anchor of the clause in its spec, e.g. {@code specs/echo.md#echo-3}. */
    public String specLink() {
        return "specs/" + exercise + ".md#" + clause.toLowerCase(Locale.ROOT);
    }

    /** The anchor of the clause in its spec in {@code lang}: {@code specs/es/echo.md#echo-3} in Spanish. */
    public String specLink(Lang lang) {
        return "specs/" + (lang == Lang.ES ? "es/" : "") + exercise + ".md#" + clause.toLowerCase(Locale.ROOT);
    }

    public TestOutcome withNumber(int newNumber) {
        return new TestOutcome(newNumber, exercise, program, clause, title, points, level, visibility,
                verdict, kind, detail, transcript, log, duration, flaky, images);
    }

    public TestOutcome asFlaky() {
        return new TestOutcome(number, exercise, program, clause, title, points, level, visibility,
                verdict, kind, detail, transcript, log, duration, true, images);
    }
}
