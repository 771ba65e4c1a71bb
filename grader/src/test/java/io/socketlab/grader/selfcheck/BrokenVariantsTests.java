package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.variants.Variants;
import io.socketlab.grader.variants.Variants.Variant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each deliberately broken implementation loses points on the clause it breaks (as a FAIL, not merely BLOCKED),
 * and the correct implementation it derives from loses nothing: the suites catch real mistakes, not quirks.
 */
@Execution(ExecutionMode.CONCURRENT)
class BrokenVariantsTests {

    /**
     * {@code -Dsocketlab.variants=http,udp-stream} (exercise ids or class names, comma-separated) runs only those
     * variants, so one exercise's variants can be checked without the others; all when unset.
     */
    private static final String ONLY = System.getProperty("socketlab.variants", "");

    private static boolean selected(Variant variant) {
        List<String> only = List.of(ONLY.split(","));
        return ONLY.isBlank() || only.contains(variant.exercise()) || only.contains(variant.name());
    }

    static Stream<Variant> broken() {
        return Variants.ALL.stream().filter(BrokenVariantsTests::selected);
    }

    static Stream<Variant> correct() {
        return Variants.CORRECT.stream().filter(BrokenVariantsTests::selected);
    }

    private static void assumeRunnable(Variant variant) {
        assumeTrue(!variant.isPython() || ManifestTargetsTests.onPath("python3"),
                "python3 is not installed: the Python variant " + variant.name() + " cannot run here");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void losesPointsOnTheClauseItBreaks(Variant variant) {
        assumeRunnable(variant);
        GradeReport report = SelfCheck.grade(SelfCheck.variant(variant), List.of(variant.exercise()));

        List<TestOutcome> program = SelfCheck.of(report, variant.program());
        assertThat(program).as(SelfCheck.describe(report))
                .anySatisfy(o -> {
                    assertThat(o.clause()).isEqualTo(variant.brokenClause());
                    assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
                    assertThat(o.detail().hint()).isNotNull();
                });
        assertThat(report.score()).isLessThan(program.stream().mapToInt(TestOutcome::maxScore).sum());
        // The program not submitted is reported as such, never as failed.
        assertThat(report.outcomes()).filteredOn(o -> !o.program().id().equals(variant.program()))
                .allSatisfy(o -> assertThat(o.verdict()).isEqualTo(Verdict.NOT_SUBMITTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void theCorrectBaseLosesNothing(Variant variant) {
        assumeRunnable(variant);
        GradeReport report = SelfCheck.grade(SelfCheck.variant(variant), List.of(variant.exercise()));

        SelfCheck.expectNothingLost(SelfCheck.of(report, variant.program()), report);
    }
}
