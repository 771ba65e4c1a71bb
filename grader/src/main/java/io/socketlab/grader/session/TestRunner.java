package io.socketlab.grader.session;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.socketlab.grader.conformance.GradingContext;
import io.socketlab.grader.conformance.ProgramOrder;
import io.socketlab.grader.conformance.RequirementOrder;
import io.socketlab.grader.model.FailureDetail;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.session.SessionPlan.PlannedTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs some of a session's tests through the JUnit Platform Launcher, on the calling thread: a test that ends in a
 * harness error is run once more, and one that then passes is reported as flaky.
 */
final class TestRunner {

    /** Every test gets this long (scaled) before JUnit abandons it as hung. */
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(90);

    /** A launcher per worker thread: a launcher is cheap to reuse, and not meant to run two plans at once. */
    private static final ThreadLocal<Launcher> LAUNCHERS = ThreadLocal.withInitial(LauncherFactory::create);

    private final String sessionId;
    private final SessionConfig config;
    private final OutcomeCollector.Hints hints;

    TestRunner(String sessionId, SessionConfig config, OutcomeCollector.Hints hints) {
        this.sessionId = sessionId;
        this.config = config;
        this.hints = hints;
    }

    /** The JUnit configuration of every discovery and execution of a session. */
    void configure(LauncherDiscoveryRequestBuilder request) {
        long timeoutSeconds = Math.max(1, config.timeouts().scaled(TEST_TIMEOUT).toSeconds());
        request.configurationParameter(GradingContext.SESSION_PARAMETER, sessionId)
                .configurationParameter("junit.jupiter.testclass.order.default", ProgramOrder.class.getName())
                .configurationParameter("junit.jupiter.testmethod.order.default", RequirementOrder.class.getName())
                .configurationParameter("junit.jupiter.execution.timeout.testable.method.default", timeoutSeconds + " s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.platform.output.capture.stdout", "false")
                // The session decides what runs at once; no junit-platform.properties on the classpath may.
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
    }

    /** Runs {@code tests} (in their JUnit order) and returns each one's final outcome, keyed by position. */
    Map<Integer, TestOutcome> run(List<PlannedTest> tests) {
        Map<String, TestOutcome> outcomes = execute(tests);
        Map<Integer, TestOutcome> result = new HashMap<>();
        List<PlannedTest> errored = tests.stream()
                .filter(t -> outcomes.containsKey(t.uniqueId()) && outcomes.get(t.uniqueId()).verdict() == Verdict.ERROR)
                .toList();
        // A harness error blocks nothing: each errored test runs once more, now, with its program's fixtures.
        Map<String, TestOutcome> retried = errored.isEmpty() ? Map.of() : execute(errored);
        for (PlannedTest test : tests) {
            TestOutcome first = outcomes.get(test.uniqueId());
            TestOutcome again = retried.get(test.uniqueId());
            TestOutcome outcome;
            if (first == null) {
                outcome = lost(test);
            } else if (again == null) {
                outcome = first;
            } else {
                outcome = again.verdict() == Verdict.PASS || again.verdict() == Verdict.INFO ? again.asFlaky() : again;
            }
            result.put(test.position(), outcome);
        }
        return result;
    }

    private Map<String, TestOutcome> execute(List<PlannedTest> tests) {
        OutcomeCollector collector = new OutcomeCollector(hints);
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(tests.stream().map(t -> (DiscoverySelector) selectUniqueId(t.uniqueId())).toList());
        configure(request);
        try {
            LAUNCHERS.get().execute(request.build(), collector);
        } catch (RuntimeException e) {
            // The launcher itself failed: the tests it did not finish are reported as harness errors.
        }
        return collector.outcomes();
    }

    /** A test the launcher never reported on: the harness's fault, never the student's. */
    static TestOutcome lost(PlannedTest test) {
        return OutcomeCollector.outcome(test.method(), Verdict.ERROR, null, new FailureDetail(Text.EMPTY, Text.EMPTY,
                Text.of("harness error (not your fault): the test did not run",
                        "error del evaluador (no es culpa tuya): la prueba no se ejecutó"), null), Duration.ZERO,
                Map.of());
    }
}
