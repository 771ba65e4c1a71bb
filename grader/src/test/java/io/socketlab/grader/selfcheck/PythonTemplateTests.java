package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.grader.export.Pins;
import io.socketlab.grader.export.StudentExport;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.process.Targets;
import io.socketlab.grader.session.Suites;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The Python student template, untouched, as its students get it ({@code export-student --language python}): every
 * program starts and says so, it scores nothing, and quickly; its unit tests pass on what it gives.
 */
// Isolated: "quickly" is measured with nothing else running beside it (the examples' sessions run concurrently).
@Isolated
class PythonTemplateTests {

    static final Path TEMPLATE = Targets.home().orElseThrow().resolve("student-template-python");
    static final List<String> EXERCISES = List.of("sockets", "echo", "serialization", "chat", "quiz", "http",
            "file-transfer", "udp-transfer", "udp-stream", "project");

    @TempDir
    Path dir;

    /** The repository a Python course's students get, exported into {@code into} with placeholder pins. */
    static Path exported(Path into) {
        new StudentExport(Targets.home().orElseThrow(), new Pins("course-org/socketlab", "v1", "0".repeat(64)),
                StudentExport.Platform.GITHUB_ACTIONS, StudentExport.Language.PYTHON).writeTo(into);
        return into;
    }

    @BeforeEach
    void needsPython() {
        assumeTrue(ManifestTargetsTests.onPath("python3"), "python3 is not installed: the Python template cannot run here");
    }

    @Test
    void theUntouchedExportScoresZeroQuickly() {
        Path students = exported(dir.resolve("students"));
        long start = System.nanoTime();

        GradeReport report = SelfCheck.grade(Targets.resolve(students.resolve("socketlab.properties").toString()),
                EXERCISES);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(report.score()).as(SelfCheck.describe(report)).isZero();
        assertThat(report.maxScore()).isEqualTo(Suites.maxScore(EXERCISES));
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        // Each program's baseline fails (a server exits at once; a client, and the project's --help, exit 1)
        // and blocks the rest; the project's architecture rules are Java's only.
        List<TestOutcome> failed = report.outcomes().stream().filter(o -> o.verdict() == Verdict.FAIL).toList();
        assertThat(failed).as(SelfCheck.describe(report)).hasSize(2 * EXERCISES.size())
                .allSatisfy(o -> assertThat(o.kind()).isIn(FailureKind.CRASHED, FailureKind.WRONG_OUTPUT));
        assertThat(report.outcomes()).filteredOn(o -> o.verdict() != Verdict.FAIL)
                .allSatisfy(o -> assertThat(o.verdict()).isIn(Verdict.BLOCKED, Verdict.NOT_SUBMITTED));
        assertThat(report.outcomes()).filteredOn(o -> o.verdict() == Verdict.NOT_SUBMITTED)
                .allSatisfy(o -> assertThat(o.clause()).isEqualTo("PROJ-6"));
        // The failure tells the student what happened, and where to read what to do.
        assertThat(failed.get(0).detail().actual().en()).contains("not implemented yet (see specs/sockets.md)");
    }

    @Test
    void itsUnitTestsPassOnWhatItGivesAndSkipWhatIsLeftToTheStudent() throws Exception {
        PythonRun run = PythonRun.unittest(exported(dir.resolve("students")));

        assertThat(run.exitCode()).as(run.output()).isZero();
        // Every exercise has a test of its given parts that runs, and tests of the student's parts that wait.
        assertThat(run.output()).containsPattern("Ran [3-9][0-9] tests").containsPattern("OK \\(skipped=[1-9][0-9]*\\)");
        for (String exercise : List.of("sockets", "echo", "serialization", "chat", "quiz", "http", "filetransfer",
                "udptransfer", "udpstream", "common")) {
            assertThat(run.output()).as(exercise).containsPattern("\\(tests\\.test_" + exercise + "\\.[\\w.]+\\) \\.\\.\\. ok");
        }
    }
}
