package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.process.Targets;
import io.socketlab.grader.session.Suites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The independent Python implementation (examples/python) copied over the Python student repository (the template
 * as {@code export-student --language python} exports it), as a student who had written it all would have it:
 * graded through the exported manifest, it earns every point a Python program can, and the template's unit tests all
 * run and pass on it. So the template has the examples' layout, its given parts are the examples' own, and its
 * manifest grades them.
 */
// Concurrent: one independent grading session per exercise, as BrokenVariantsTests does.
@Execution(ExecutionMode.CONCURRENT)
class PythonExamplesTests {

    private static final Path EXAMPLES = Targets.home().orElseThrow().resolve("examples/python");

    @TempDir
    static Path work;
    private static Path completed;

    @BeforeAll
    static void copyTheExamplesOverTheTemplate() throws IOException {
        Path exported = PythonTemplateTests.exported(work.resolve("students"));
        completed = work.resolve("completed");
        PythonRun.copyFolder(exported, completed);
        PythonRun.copyFolder(EXAMPLES, completed);
        // The examples' code, graded by the exported manifest (which names the examples' commands too, and the
        // project's test runner): the examples' own manifest would replace it.
        Files.copy(exported.resolve("socketlab.properties"), completed.resolve("socketlab.properties"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sockets", "echo", "serialization", "chat", "quiz", "http", "file-transfer", "udp-transfer",
            "udp-stream"})
    void everyExerciseScoresFullMarks(String exercise) {
        int points = Suites.maxScore(List.of(exercise));
        assumeTrue(ManifestTargetsTests.onPath("python3"), "python3 is not installed: the Python example cannot be graded here");

        GradeReport report = SelfCheck.grade(Targets.resolve(completed.resolve("socketlab.properties").toString()),
                List.of(exercise));

        SelfCheck.expectNothingLost(report.outcomes(), report);
        assertThat(report.score()).isEqualTo(report.maxScore()).isEqualTo(points);
    }

    @Test
    void theSampleProjectEarnsAllButTheJavaOnlyArchitectureRules() {
        assumeTrue(ManifestTargetsTests.onPath("python3"), "python3 is not installed");

        GradeReport report = SelfCheck.grade(Targets.resolve(completed.resolve("socketlab.properties").toString()),
                List.of("project"));

        // Its own tests pass and cover more than 60 % of project/ (PROJ-4, PROJ-5), measured by the template's runner.
        assertThat(report.outcomes()).as(SelfCheck.describe(report)).allSatisfy(o -> assertThat(o.verdict())
                .isEqualTo(o.clause().equals("PROJ-6") ? Verdict.NOT_SUBMITTED : Verdict.PASS));
        assertThat(report.outcomes()).extracting(TestOutcome::clause).contains("PROJ-4", "PROJ-5");
        int javaOnly = report.outcomes().stream().filter(o -> o.clause().equals("PROJ-6")).mapToInt(TestOutcome::points)
                .sum();
        assertThat(javaOnly).isPositive();
        assertThat(report.maxScore()).isEqualTo(Suites.maxScore(List.of("project")));
        assertThat(report.score()).isEqualTo(report.maxScore() - javaOnly);
    }

    @Test
    void theTemplatesUnitTestsAllRunAndPassOnTheExamples() throws Exception {
        assumeTrue(ManifestTargetsTests.onPath("python3"), "python3 is not installed");

        PythonRun run = PythonRun.unittest(completed);

        assertThat(run.exitCode()).as(run.output()).isZero();
        // Not one is skipped: each test of a student's part found the examples' version of that part, and passed.
        assertThat(run.output()).containsPattern("Ran [3-9][0-9] tests").doesNotContain("skipped");
    }

    @Test
    void whatTheTemplateGivesIsTheExamplesOwnCode() throws Exception {
        assumeTrue(ManifestTargetsTests.onPath("python3"), "python3 is not installed");
        Path script = Path.of(PythonExamplesTests.class.getResource("given_parts.py").toURI());

        PythonRun run = PythonRun.run(work, List.of("python3", script.toString(),
                PythonTemplateTests.TEMPLATE.toString(), EXAMPLES.toString()));

        // Every function the template gives whole has the same code as the example's: one source, the examples.
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern("compared: [1-9][0-9]{2}");
    }

    @Test
    void theExamplesManifestIsPartOfTheTemplates() throws IOException {
        Properties examples = load(EXAMPLES.resolve("socketlab.properties"));
        Properties template = load(PythonTemplateTests.TEMPLATE.resolve("socketlab.properties"));

        assertThat(examples).isNotEmpty();
        examples.forEach((key, command) -> assertThat(template.get(key)).as((String) key).isEqualTo(command));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

}
