package io.socketlab.grader.session;

import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.TestOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hands outcomes to the reports in report order, each as soon as every test before it has its own, numbered by
 * that order: whatever ran at the same time, the reports read the same.
 */
final class OrderedRelease {

    private final GradingListener listener;
    private final TestOutcome[] outcomes;
    private int next;

    OrderedRelease(GradingListener listener, int tests) {
        this.listener = listener;
        this.outcomes = new TestOutcome[tests];
    }

    /** The final outcome of the test at {@code position} in report order. */
    synchronized void complete(int position, TestOutcome outcome) {
        if (outcomes[position] != null) {
            throw new IllegalStateException("test " + (position + 1) + " completed twice");
        }
        outcomes[position] = outcome.withNumber(position + 1);
        while (next < outcomes.length && outcomes[next] != null) {
            listener.testFinished(outcomes[next]);
            next++;
        }
    }

    /** Whether the test at {@code position} has its final outcome. */
    synchronized boolean isComplete(int position) {
        return outcomes[position] != null;
    }

    /** Every outcome, in report order; all of them must be complete. */
    synchronized List<TestOutcome> all() {
        if (next < outcomes.length) {
            throw new IllegalStateException("test " + (next + 1) + " has no outcome");
        }
        return new ArrayList<>(Arrays.asList(outcomes));
    }
}
