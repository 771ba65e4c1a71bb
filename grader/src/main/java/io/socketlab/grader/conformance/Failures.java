package io.socketlab.grader.conformance;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Verdict;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.awaitility.core.ConditionTimeoutException;

/** Decides whose fault an exception thrown by a conformance test is. */
public final class Failures {

    /** A verdict and, for FAIL, its kind. */
    public record Classification(Verdict verdict, FailureKind kind) {
    }

    private Failures() {
    }

    /**
     * A broken expectation, a timeout or a broken connection is the implementation's failure; the harness's own
     * exceptions, and anything unexpected, are harness errors, never charged to the student.
     */
    public static Classification classify(Throwable thrown) {
        if (thrown instanceof ConformanceFailure failure) {
            return new Classification(Verdict.FAIL, failure.kind());
        }
        if (thrown instanceof HarnessException) {
            return new Classification(Verdict.ERROR, null);
        }
        if (thrown instanceof AssertionError) {
            return new Classification(Verdict.FAIL, FailureKind.WRONG_OUTPUT);
        }
        if (thrown instanceof TimeoutException || thrown instanceof ConditionTimeoutException) {
            return new Classification(Verdict.FAIL, FailureKind.TIMEOUT);
        }
        if (thrown instanceof IOException) {
            return new Classification(Verdict.FAIL, FailureKind.CLOSED_UNEXPECTEDLY);
        }
        return new Classification(Verdict.ERROR, null);
    }
}
