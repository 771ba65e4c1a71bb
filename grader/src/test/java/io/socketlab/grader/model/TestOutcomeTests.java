package io.socketlab.grader.model;

import static io.socketlab.grader.model.SampleOutcomes.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestOutcomeTests {

    @ParameterizedTest(name = "{0}: earns {1} of 3, counts {2} towards the maximum")
    @CsvSource({
            "PASS,          3, 3",
            "FAIL,          0, 3",
            "BLOCKED,       0, 3",
            "NOT_SUBMITTED, 0, 3",
            "ERROR,         0, 0",
            "INFO,          0, 0",
    })
    void eachVerdictEarnsAndCountsItsShareOfTheTestsPoints(Verdict verdict, int score, int maxScore) {
        TestOutcome outcome = outcome(verdict, Level.MUST, 3);

        assertThat(outcome.score()).isEqualTo(score);
        assertThat(outcome.maxScore()).isEqualTo(maxScore);
    }

    @Test
    void aShouldTestIsScoredLikeAMustTest() {
        assertThat(outcome(Verdict.PASS, Level.SHOULD, 2).score()).isEqualTo(2);
        assertThat(outcome(Verdict.FAIL, Level.SHOULD, 2).maxScore()).isEqualTo(2);
    }

    @Test
    void anInfoLevelTestIsNeverScoredEvenWhenItPasses() {
        TestOutcome measurement = outcome(Verdict.PASS, Level.INFO, 4);

        assertThat(measurement.score()).isZero();
        assertThat(measurement.maxScore()).isZero();
    }

    @Test
    void theSpecLinkIsTheExercisesSpecAnchoredAtTheLowerCaseClause() {
        assertThat(SampleOutcomes.FAILED.specLink()).isEqualTo("specs/sockets.md#sock-2");
        assertThat(outcome(Verdict.PASS, Level.MUST, 1).specLink()).isEqualTo("specs/echo.md#echo-3");
    }

    @Test
    void renumberingAndMarkingFlakyKeepEverythingElse() {
        TestOutcome renumbered = SampleOutcomes.FAILED.withNumber(9);
        TestOutcome flaky = SampleOutcomes.FAILED.asFlaky();

        assertThat(renumbered.number()).isEqualTo(9);
        assertThat(renumbered).usingRecursiveComparison().ignoringFields("number").isEqualTo(SampleOutcomes.FAILED);
        assertThat(flaky.flaky()).isTrue();
        assertThat(flaky).usingRecursiveComparison().ignoringFields("flaky").isEqualTo(SampleOutcomes.FAILED);
    }

    @Test
    void aReportWithAHarnessErrorIsNeverFullMarksEvenWhenNoPointIsLost() {
        GradeReport report = new GradeReport("reference", List.of("echo"), 1L, Lang.EN,
                List.of(outcome(Verdict.PASS, Level.MUST, 2), outcome(Verdict.ERROR, Level.MUST, 2)),
                Duration.ZERO);

        assertThat(report.score()).isEqualTo(report.maxScore());
        assertThat(report.fullMarks()).isFalse();
    }

    @Test
    void aReportAddsUpItsOutcomesAndCountsVerdictsPerExercise() {
        GradeReport report = SampleOutcomes.report(Lang.EN);

        assertThat(report.score()).isEqualTo(SampleOutcomes.SCORE);
        assertThat(report.maxScore()).isEqualTo(SampleOutcomes.MAX_SCORE);
        assertThat(report.hasHarnessErrors()).isTrue();
        assertThat(report.fullMarks()).isFalse();
        assertThat(report.outcomesOf("echo")).extracting(TestOutcome::clause)
                .containsExactly("ECHO-8", "ECHO-3", "ECHO-6", "ECHO-4");
        assertThat(report.verdictCounts("sockets"))
                .containsExactly(entry(Verdict.PASS, 1L), entry(Verdict.FAIL, 1L), entry(Verdict.BLOCKED, 1L));
    }
}
