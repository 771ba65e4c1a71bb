package io.socketlab.grader.session;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.socketlab.grader.model.Clauses;
import io.socketlab.grader.model.Exercises;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.Declarations;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.RequirementTexts;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Visibility;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** What the grader can grade: discovered from the suite packages without running anything. */
public final class Suites {

    /** One test as {@code list} shows it. */
    public record Entry(String exercise, String program, String clause, int points, String level,
                        String visibility, String title, boolean baseline) {
    }

    private Suites() {
    }

    /** Discovered once per JVM: the suites are classes, they do not change while it runs. */
    private static volatile List<Entry> catalog;

    /** Every test of every exercise that has a suite, in course order, servers first, baseline first. */
    public static List<Entry> catalog() {
        List<Entry> known = catalog;
        if (known == null) {
            known = discover();
            catalog = known;
        }
        return known;
    }

    private static List<Entry> discover() {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                // One package selector for all: each one scans the grader's jar anew.
                .selectors(selectPackage(Exercises.SUITES_ROOT))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build());
        return plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .filter(TestIdentifier::isTest)
                .flatMap(Suites::entry)
                .sorted(Comparator.comparingInt((Entry e) -> Exercises.order(e.exercise()))
                        .thenComparing(Entry::program, Comparator.reverseOrder())
                        .thenComparing(e -> !e.baseline())
                        .thenComparingInt(e -> Clauses.number(e.clause())))
                .toList();
    }

    /** The most points {@code exercises} can earn: every test's points but the INFO measurements'. */
    public static int maxScore(Collection<String> exercises) {
        return catalog().stream().filter(e -> exercises.contains(e.exercise()) && !e.level().equals(Level.INFO.name()))
                .mapToInt(Entry::points).sum();
    }

    /**
     * The most a student-side grader (the public jar, without the hidden suites) can give on {@code exercises}: every
     * point but the hidden tests'.
     */
    public static int publicMaxScore(Collection<String> exercises) {
        return maxScore(exercises) - catalog().stream().filter(e -> exercises.contains(e.exercise())
                && e.visibility().equals(Visibility.HIDDEN.name())).mapToInt(Entry::points).sum();
    }

    /** The exercises that have at least one test, in course order. */
    public static List<String> available() {
        return catalog().stream().map(Entry::exercise).distinct().toList();
    }

    private static Stream<Entry> entry(TestIdentifier id) {
        if (id.getSource().isEmpty() || !(id.getSource().get() instanceof MethodSource source)) {
            return Stream.empty();
        }
        Method method = source.getJavaMethod();
        Requirement requirement = method.getAnnotation(Requirement.class);
        ExerciseSuite suite = Declarations.findSuite(method.getDeclaringClass()).orElse(null);
        if (requirement == null || suite == null) {
            return Stream.empty();
        }
        return Stream.of(new Entry(suite.exercise(), suite.program().id(), requirement.clause(), requirement.points(),
                requirement.level().name(), requirement.visibility().name(), RequirementTexts.title(method).en(),
                method.isAnnotationPresent(Baseline.class)));
    }

}
