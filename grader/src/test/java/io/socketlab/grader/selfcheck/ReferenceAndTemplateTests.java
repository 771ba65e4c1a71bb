package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.coverage.CoverageRecorder;
import io.socketlab.grader.coverage.CoverageSummary;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.process.BuiltinTarget;
import io.socketlab.grader.process.Targets;
import io.socketlab.grader.session.Suites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The two fixed points of every suite: the reference earns every point, the untouched template none, fast. */
// Isolated: it checks that no process or temporary folder outlives its sessions, so no other session may run meanwhile.
@Isolated
class ReferenceAndTemplateTests {

    // Every exercise with a server/client pair; `project` grades the student's own code and has its own self-check.
    private static final List<String> EXERCISES = List.of("sockets", "echo", "serialization", "chat", "quiz", "http",
            "file-transfer", "udp-transfer", "udp-stream");
    /** From the suites themselves (whose points RubricTests checks against the specs), never typed here. */
    private static final int MAX = Suites.maxScore(EXERCISES);
    private static final Path REFERENCE_COVERAGE = Targets.home().orElseThrow()
            .resolve("grader/target/reference-coverage");
    /**
     * The line coverage the suites reach (docs/contributing.md, "Coverage of the reference"), each rounded down by a
     * point for timing-dependent paths: a change that stops the suites from running part of the reference fails
     * here. Raise a floor when the suites reach more; never lower one without saying why in that section.
     */
    private static final Map<String, Double> LINE_FLOORS = floors(
            "total", 88.5, "sockets", 84.0, "echo", 84.0, "serialization", 89.0, "chat", 88.0, "quiz", 92.0,
            "http", 92.0, "filetransfer", 90.0, "udptransfer", 91.0, "udpstream", 78.0, "common", 73.0);

    @Test
    void referenceScoresFullMarksAndLeavesNothingBehind() throws IOException {
        Set<Path> tempBefore = socketlabTempDirs();

        // The same run measures how much of the reference the suites exercise (docs/contributing.md, "Coverage of the
        // reference by the suites").
        BuiltinTarget reference = (BuiltinTarget) Targets.resolve("reference");
        GradeReport report;
        CoverageSummary coverage;
        try (CoverageRecorder recorder = CoverageRecorder.start()) {
            report = SelfCheck.grade(recorder.instrument(reference), EXERCISES);
            coverage = recorder.report(reference, EXERCISES, REFERENCE_COVERAGE);
        }
        Files.writeString(REFERENCE_COVERAGE.resolve("summary.md"), coverage.markdownTable(), StandardCharsets.UTF_8);
        Map<String, Double> reached = CoverageFloor.linePercents(REFERENCE_COVERAGE.resolve("jacoco.xml"));
        assertThat(reached.keySet()).as("the parts of jacoco.xml").isEqualTo(LINE_FLOORS.keySet());
        reached.forEach((part, percent) -> assertThat(percent)
                .as(CoverageFloor.describe(part, percent, LINE_FLOORS.get(part)) + "\n"
                        + String.join("\n", coverage.consoleLines()))
                .isGreaterThanOrEqualTo(LINE_FLOORS.get(part)));

        SelfCheck.expectNothingLost(report.outcomes(), report);
        assertThat(report.score()).isEqualTo(report.maxScore()).isEqualTo(MAX);
        assertThat(report.fullMarks()).isTrue();
        // The frames the udp-stream receiver wrote travel with its outcomes, for the HTML report.
        assertThat(report.outcomesOf("udp-stream")).anySatisfy(o -> assertThat(o.images()).isNotEmpty());
        // Every process the grader started is gone, with its private folder.
        SelfCheck.awaitNoSurvivingProcesses();
        assertThat(socketlabTempDirs()).isSubsetOf(tempBefore);
    }

    @Test
    void untouchedTemplateScoresZeroQuickly() {
        long start = System.nanoTime();

        GradeReport report = SelfCheck.grade(Targets.resolve("student"), EXERCISES);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(report.score()).as(SelfCheck.describe(report)).isZero();
        assertThat(report.maxScore()).isEqualTo(MAX);
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        // Each program's baseline fails as a crash (it exits at once) and blocks the rest.
        List<TestOutcome> baselines = report.outcomes().stream().filter(o -> o.verdict() == Verdict.FAIL).toList();
        assertThat(baselines).hasSize(2 * EXERCISES.size()).allSatisfy(o -> assertThat(o.kind()).isIn(FailureKind.CRASHED, FailureKind.WRONG_OUTPUT));
        assertThat(report.outcomes()).filteredOn(o -> o.verdict() != Verdict.FAIL)
                .allSatisfy(o -> assertThat(o.verdict()).isEqualTo(Verdict.BLOCKED));
        // The failure tells the student what happened, not just that it failed.
        assertThat(baselines.get(0).detail().actual().en()).contains("not implemented");
    }

    /** {@code name, floor, name, floor, ...} in report order. */
    private static Map<String, Double> floors(Object... namesAndFloors) {
        Map<String, Double> floors = new LinkedHashMap<>();
        for (int i = 0; i < namesAndFloors.length; i += 2) {
            floors.put((String) namesAndFloors[i], (Double) namesAndFloors[i + 1]);
        }
        return floors;
    }

    private static Set<Path> socketlabTempDirs() throws IOException {
        if (!Files.isDirectory(SelfCheck.SESSIONS)) {
            return Set.of();
        }
        try (Stream<Path> entries = Files.list(SelfCheck.SESSIONS)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("socketlab-")).collect(Collectors.toSet());
        }
    }
}
