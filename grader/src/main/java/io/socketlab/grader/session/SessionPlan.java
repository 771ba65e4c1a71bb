package io.socketlab.grader.session;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.socketlab.grader.conformance.Declarations;
import io.socketlab.grader.conformance.ProgramKey;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.Exercises;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The tests of a session, discovered once, in report order (course order of exercises, each one's server before
 * its client, the baseline first, then the order JUnit runs them in), grouped by program.
 */
final class SessionPlan {

    /** One test: its JUnit id, its method, its program, and how the session may schedule it. */
    record PlannedTest(String uniqueId, Method method, ProgramKey program, int position, boolean baseline,
                       boolean runsAlone, boolean usesSharedProgram) {
    }

    private final List<PlannedTest> tests;

    private SessionPlan(List<PlannedTest> tests) {
        this.tests = List.copyOf(tests);
    }

    /** Discovers the suites of {@code config}'s exercises, configured by {@code junitConfiguration}. */
    static SessionPlan discover(SessionConfig config, Consumer<LauncherDiscoveryRequestBuilder> junitConfiguration) {
        // One selector per package root: each one scans the grader's jar anew, so the exercises' own packages are
        // found under the common root, and only the tests of the selected exercises are kept.
        List<DiscoverySelector> packages = config.exercises().stream()
                .map(e -> config.suitePackage(e).equals(Exercises.suitePackage(e)) ? Exercises.SUITES_ROOT
                        : config.suitePackage(e))
                .distinct().map(p -> (DiscoverySelector) selectPackage(p)).toList();
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request().selectors(packages);
        junitConfiguration.accept(builder);
        LauncherDiscoveryRequest request = builder.build();
        TestPlan plan = LauncherFactory.create().discover(request);
        List<TestIdentifier> inRunOrder = new ArrayList<>();
        plan.getRoots().forEach(root -> depthFirst(plan, root, inRunOrder::add));
        List<PlannedTest> tests = new ArrayList<>();
        for (TestIdentifier id : inRunOrder) {
            if (!id.isTest() || !(id.getSource().orElse(null) instanceof MethodSource source)) {
                continue;
            }
            Method method = source.getJavaMethod();
            Requirement requirement = method.getAnnotation(Requirement.class);
            if (requirement == null || Declarations.findSuite(method.getDeclaringClass()).isEmpty()
                    || !config.exercises().contains(Declarations.suite(method.getDeclaringClass()).exercise())
                    || (!config.infoTests() && requirement.level() == Level.INFO)
                    || (!config.clauses().isEmpty() && !config.clauses().contains(requirement.clause())
                        && !Declarations.isBaseline(method))) {
                continue;
            }
            tests.add(new PlannedTest(id.getUniqueId(), method, Declarations.program(method.getDeclaringClass()),
                    tests.size(), Declarations.isBaseline(method), Declarations.runsAlone(method),
                    Declarations.usesSharedProgram(method)));
        }
        tests.sort(Comparator
                .comparingInt((PlannedTest t) -> Exercises.order(t.program().exercise()))
                .thenComparing(t -> t.program().exercise())
                .thenComparing(t -> t.program().program() == Program.CLIENT)
                .thenComparing(t -> !t.baseline())
                .thenComparingInt(PlannedTest::position));
        List<PlannedTest> numbered = new ArrayList<>();
        for (PlannedTest t : tests) {
            numbered.add(new PlannedTest(t.uniqueId(), t.method(), t.program(), numbered.size(), t.baseline(),
                    t.runsAlone(), t.usesSharedProgram()));
        }
        return new SessionPlan(numbered);
    }

    private static void depthFirst(TestPlan plan, TestIdentifier node, Consumer<TestIdentifier> visit) {
        visit.accept(node);
        plan.getChildren(node).forEach(child -> depthFirst(plan, child, visit));
    }

    /** Every test, in report order; {@link PlannedTest#position()} is its index here. */
    List<PlannedTest> tests() {
        return tests;
    }

    /** The tests of each program, in report order. */
    Map<ProgramKey, List<PlannedTest>> byProgram() {
        Map<ProgramKey, List<PlannedTest>> programs = new LinkedHashMap<>();
        tests.forEach(t -> programs.computeIfAbsent(t.program(), any -> new ArrayList<>()).add(t));
        return programs;
    }
}
