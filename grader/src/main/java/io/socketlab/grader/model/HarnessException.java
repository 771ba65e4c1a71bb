package io.socketlab.grader.model;

/** The harness or the machine failed (no free port, a program could not be launched): never the student's fault. */
public class HarnessException extends RuntimeException {

    public HarnessException(String message) {
        super(message);
    }

    public HarnessException(String message, Throwable cause) {
        super(message, cause);
    }
}
