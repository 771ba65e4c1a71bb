package io.socketlab.grader.model;

import java.util.List;

/** Receives a grading run as it happens: every report format is one of these. */
public interface GradingListener {

    /** Before the first test. */
    default void sessionStarted(String target, List<String> exercises, long seed) {
    }

    /** As each test ends (a retried test is reported again when its retry ends). */
    default void testFinished(TestOutcome outcome) {
    }

    /** After the last test, with final verdicts. */
    default void sessionFinished(GradeReport report) {
    }
}
