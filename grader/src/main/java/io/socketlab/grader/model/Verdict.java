package io.socketlab.grader.model;

/** The outcome of one conformance test. */
public enum Verdict {
    /** The requirement holds. */
    PASS,
    /** The implementation broke the requirement; see the {@link FailureKind}. */
    FAIL,
    /** A prerequisite (the program's baseline test) failed, so this was not tried. */
    BLOCKED,
    /** The target has no program for this exercise. */
    NOT_SUBMITTED,
    /** The harness or the machine failed: never charged to the student. */
    ERROR,
    /** A measurement, never scored. */
    INFO;

    /** Whether the points of a test with this verdict count towards the maximum. */
    public boolean countsTowardsMaximum() {
        return this != ERROR && this != INFO;
    }
}
