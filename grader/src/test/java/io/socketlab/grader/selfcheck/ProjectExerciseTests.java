package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.process.ManifestTarget;
import io.socketlab.grader.process.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The free project: the reference's sample earns every point, the template none, a manifest what it names. */
class ProjectExerciseTests {

    private static final List<String> PROJECT = List.of("project");
    private static final int MAX = 20;

    @Test
    void theReferenceSampleProjectScoresFullMarks() {
        GradeReport report = SelfCheck.grade(Targets.resolve("reference"), PROJECT);

        assertThat(report.outcomes()).as(SelfCheck.describe(report))
                .allSatisfy(o -> assertThat(o.verdict()).isEqualTo(Verdict.PASS));
        assertThat(report.score()).isEqualTo(report.maxScore()).isEqualTo(MAX);
    }

    @Test
    void theUntouchedTemplateScoresZeroWithItsCodeChecksBlocked() {
        GradeReport report = SelfCheck.grade(Targets.resolve("student"), PROJECT);

        assertThat(report.score()).as(SelfCheck.describe(report)).isZero();
        assertThat(report.maxScore()).isEqualTo(MAX);
        assertThat(verdicts(report)).containsEntry("PROJ-1", Verdict.FAIL).containsEntry("PROJ-7", Verdict.FAIL)
                .containsEntry("PROJ-4", Verdict.BLOCKED).containsEntry("PROJ-6", Verdict.BLOCKED);
    }

    @Test
    void aManifestIsGradedOnTheCommandsItNamesAndNotSubmittedOnTheRest(@TempDir Path dir) throws IOException {
        Path manifest = Files.writeString(dir.resolve("socketlab.properties"), """
                project.server = echo usage: server --port N
                project.test = true
                """);

        GradeReport report = SelfCheck.grade(ManifestTarget.load(manifest), PROJECT);

        Map<String, Verdict> verdicts = verdicts(report);
        assertThat(verdicts).as(SelfCheck.describe(report))
                .containsEntry("PROJ-1", Verdict.PASS)
                .containsEntry("PROJ-4", Verdict.PASS)
                .containsEntry("PROJ-5", Verdict.NOT_SUBMITTED) // no project.coverage
                .containsEntry("PROJ-6", Verdict.NOT_SUBMITTED) // architecture rules: Java only
                .containsEntry("PROJ-7", Verdict.NOT_SUBMITTED); // no client
    }

    /** The verdict of each clause; a clause with several tests here always has one verdict for all of them. */
    private static Map<String, Verdict> verdicts(GradeReport report) {
        return report.outcomes().stream()
                .collect(Collectors.toMap(TestOutcome::clause, TestOutcome::verdict, (a, b) -> a));
    }
}
