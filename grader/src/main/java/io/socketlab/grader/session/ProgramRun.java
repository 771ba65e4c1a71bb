package io.socketlab.grader.session;

import io.socketlab.grader.conformance.ProgramKey;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.session.SessionPlan.PlannedTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One program's tests in a session. Its baseline runs first. When it passes, the tests that use what the program's
 * tests share (its server) run one after another in report order, and each other test (a client run, a server of
 * its own) on its own, beside them; when it does not, the rest run in one go (they are skipped at once). When the
 * last of them ends, the program's shared server is stopped.
 */
final class ProgramRun {

    /** Where work goes and where outcomes go: the session. */
    interface Session {
        /** Queues {@code work}, which runs {@code tests}: alone when it is one test that must run alone. */
        void submit(List<PlannedTest> tests, int rank, Runnable work);

        TestRunner runner();

        void complete(int position, TestOutcome outcome);

        /** The program's tests have all ended. */
        void finished(ProgramKey program);
    }

    /** Ranks of work, lower first when several tests may run at once. */
    static final int BASELINE = 0;
    static final int IN_LINE = 1;
    static final int BESIDE = 2;

    private final Session session;
    private final ProgramKey program;
    private final List<PlannedTest> tests;
    private final AtomicInteger pending = new AtomicInteger();

    ProgramRun(Session session, ProgramKey program, List<PlannedTest> tests) {
        this.session = session;
        this.program = program;
        this.tests = List.copyOf(tests);
    }

    void start() {
        // The start holds the program open until the rest is scheduled; the baseline's run inherits that hold.
        pending.set(1);
        List<PlannedTest> baselines = tests.stream().filter(PlannedTest::baseline).toList();
        if (baselines.isEmpty()) {
            scheduleTheRest(true);
            done();
            return;
        }
        session.submit(baselines, BASELINE, () -> {
            try {
                Map<Integer, TestOutcome> outcomes = runChunk(baselines);
                scheduleTheRest(outcomes.values().stream().allMatch(o -> o.verdict() == Verdict.PASS));
            } finally {
                done();
            }
        });
    }

    private void scheduleTheRest(boolean baselinePassed) {
        List<PlannedTest> rest = tests.stream().filter(t -> !t.baseline()).toList();
        List<List<PlannedTest>> inLine = new ArrayList<>();
        List<List<PlannedTest>> beside = new ArrayList<>();
        if (!baselinePassed) {
            inLine.add(rest);
        } else {
            inLine.add(rest.stream().filter(PlannedTest::usesSharedProgram).toList());
            rest.stream().filter(t -> !t.usesSharedProgram()).forEach(t -> beside.add(List.of(t)));
        }
        inLine.removeIf(List::isEmpty);
        // Counted before any is submitted, so that an early finish cannot close the program under the others.
        pending.addAndGet(inLine.size() + beside.size());
        inLine.forEach(chunk -> session.submit(chunk, IN_LINE, () -> runAndCountDone(chunk)));
        beside.forEach(chunk -> session.submit(chunk, BESIDE, () -> runAndCountDone(chunk)));
    }

    private void runAndCountDone(List<PlannedTest> chunk) {
        try {
            runChunk(chunk);
        } finally {
            done();
        }
    }

    /** Runs {@code chunk} and hands its outcomes to the session. */
    private Map<Integer, TestOutcome> runChunk(List<PlannedTest> chunk) {
        Map<Integer, TestOutcome> outcomes = session.runner().run(chunk);
        outcomes.forEach(session::complete);
        return outcomes;
    }

    private void done() {
        if (pending.decrementAndGet() == 0) {
            session.finished(program);
        }
    }
}
