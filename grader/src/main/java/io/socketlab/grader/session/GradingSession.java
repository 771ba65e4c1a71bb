package io.socketlab.grader.session;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.socketlab.grader.model.Exercises;
import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.conformance.GradingContext;
import io.socketlab.grader.conformance.ProgramOrder;
import io.socketlab.grader.process.PortAllocator;
import io.socketlab.grader.process.ProgramLauncher;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One grading run: the selected exercises' suites through the JUnit Platform Launcher, against one target; tests
 * that end in a harness error are run once more, and one that then passes is reported as flaky.
 */
public final class GradingSession {

    /** Every test gets this long (scaled) before JUnit abandons it as hung. */
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(90);
    /**
     * Whole-program stdout kept for client tests: four times the most a suite compares (echo's 1 MiB); more is
     * counted, not kept, so a client printing without end costs the grader nothing more.
     */
    private static final int CLIENT_OUTPUT_LIMIT = 4 * 1024 * 1024;

    private final SessionConfig config;
    private final GradingListener listener;

    public GradingSession(SessionConfig config, GradingListener listener) {
        this.config = config;
        this.listener = listener;
    }

    public GradeReport run() {
        long start = System.nanoTime();
        if (!config.sandbox().sharesLoopbackWithGrader()) {
            throw new io.socketlab.grader.model.HarnessException("--sandbox " + config.sandbox().mode()
                    + " grades only in a private network shared with its programs: run it through `grade`");
        }
        Path tempRoot = makeTempRoot(config.tempRoot());
        ProgramLauncher launcher = new ProgramLauncher(tempRoot,
                config.timeouts().seconds(3), CLIENT_OUTPUT_LIMIT, config.sandbox());
        GradingContext context = new GradingContext(config.target(), launcher, new PortAllocator(),
                config.timeouts(), config.seed(), config.lang());
        String sessionId = context.register();
        try {
            listener.sessionStarted(config.target().name(), config.exercises(), config.seed());
            List<DiscoverySelector> everything = config.exercises().stream()
                    .map(e -> (DiscoverySelector) selectPackage(Exercises.suitePackage(e))).toList();
            OutcomeCollector first = execute(sessionId, everything);
            Map<String, TestOutcome> outcomes = first.outcomes();
            Map<String, Method> methods = first.methods();
            retryHarnessErrors(sessionId, outcomes, methods);
            List<TestOutcome> ordered = order(outcomes);
            GradeReport report = new GradeReport(config.target().name(), config.exercises(), config.seed(),
                    config.lang(), ordered, Duration.ofNanos(System.nanoTime() - start));
            listener.sessionFinished(report);
            return report;
        } finally {
            context.unregister();
            ProgramLauncher.deleteRecursively(tempRoot);
        }
    }

    private OutcomeCollector execute(String sessionId, List<DiscoverySelector> selectors) {
        OutcomeCollector collector = new OutcomeCollector(listener);
        long timeoutSeconds = Math.max(1, config.timeouts().scaled(TEST_TIMEOUT).toSeconds());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter(GradingContext.SESSION_PARAMETER, sessionId)
                .configurationParameter("junit.jupiter.testclass.order.default", ProgramOrder.class.getName())
                .configurationParameter("junit.jupiter.execution.timeout.testable.method.default", timeoutSeconds + " s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.platform.output.capture.stdout", "false")
                // Explicit, so no junit-platform.properties on the classpath can make a suite run in parallel.
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        LauncherFactory.create().execute(request, collector);
        return collector;
    }

    /**
     * Runs every test that ended in a harness error once more. Its class's baseline did not block it (a harness
     * error blocks nothing), so each can run alone.
     */
    private void retryHarnessErrors(String sessionId, Map<String, TestOutcome> outcomes, Map<String, Method> methods) {
        List<String> errored = outcomes.entrySet().stream()
                .filter(e -> e.getValue().verdict() == Verdict.ERROR).map(Map.Entry::getKey).toList();
        if (errored.isEmpty()) {
            return;
        }
        List<DiscoverySelector> selectors = errored.stream()
                .map(id -> (DiscoverySelector) selectMethod(methods.get(id).getDeclaringClass(), methods.get(id)))
                .toList();
        Map<String, TestOutcome> retried = execute(sessionId, selectors).outcomes();
        for (String id : errored) {
            TestOutcome again = retried.get(id);
            if (again != null) {
                outcomes.put(id, again.verdict() == Verdict.PASS || again.verdict() == Verdict.INFO
                        ? again.asFlaky() : again);
            }
        }
    }

    /** Course order of exercises, servers before clients, then the order tests ran in. */
    private static List<TestOutcome> order(Map<String, TestOutcome> outcomes) {
        List<String> ids = new ArrayList<>(outcomes.keySet());
        Map<String, Integer> runOrder = new LinkedHashMap<>();
        ids.forEach(id -> runOrder.put(id, runOrder.size()));
        ids.sort(Comparator
                .comparingInt((String id) -> Exercises.order(outcomes.get(id).exercise()))
                .thenComparing(id -> outcomes.get(id).program() == Program.CLIENT)
                .thenComparingInt(runOrder::get));
        List<TestOutcome> ordered = new ArrayList<>();
        for (String id : ids) {
            ordered.add(outcomes.get(id).withNumber(ordered.size() + 1));
        }
        return ordered;
    }

    private static Path makeTempRoot(Path parent) {
        try {
            return Files.createTempDirectory(Files.createDirectories(parent), "socketlab-");
        } catch (IOException e) {
            throw new io.socketlab.grader.model.HarnessException("cannot create a temporary folder", e);
        }
    }
}
