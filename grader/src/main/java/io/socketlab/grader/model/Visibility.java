package io.socketlab.grader.model;

/** Whether a student sees a test's details or only that it exists and its points. */
public enum Visibility {
    PUBLIC, HIDDEN
}
