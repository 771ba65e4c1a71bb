package io.socketlab.grader.model;

import java.util.List;

/** Receives a grading run as it happens: every report format is one of these. */
public interface GradingListener {

    /** Before the first test. */
    default void sessionStarted(String target, List<String> exercises, long seed) {
    }

    /**
     * Each test's final outcome (after its retry, if it had one), numbered, in report order: a test is reported once
     * every test before it has been, whatever ran at the same time.
     */
    default void testFinished(TestOutcome outcome) {
    }

    /** After the last test, with final verdicts. */
    default void sessionFinished(GradeReport report) {
    }
}
