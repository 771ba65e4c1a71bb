package io.socketlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.grader.model.Exercises;
import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.SampleOutcomes;
import io.socketlab.grader.report.Reports;
import io.socketlab.grader.session.Suites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it; {@code reference} resolves through -Dsocketlab.home, which Surefire sets. */
class GraderCommandTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void gradesHelpForOutNamesEveryFileTheReportsWrite(@TempDir Path dir) throws IOException {
        GradeReport report = SampleOutcomes.report(Lang.EN);
        Reports reports = Reports.standard(new PrintWriter(new StringWriter()), dir, Lang.EN);
        reports.sessionStarted(report.target(), report.exercises(), report.seed());
        report.outcomes().forEach(reports::testFinished);
        reports.sessionFinished(report);
        StringWriter help = new StringWriter();
        GraderCommand.commandLine().getSubcommands().get("grade").usage(new PrintWriter(help));

        String outHelp = help.toString().replaceAll("\\s+", " ");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).isNotEmpty()
                    .allSatisfy(name -> assertThat(outHelp).as("grade --help on --out").contains(name));
        }
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        assertThat(run("--help")).isEqualTo(ExitCodes.FULL_MARKS);

        assertThat(out.toString()).contains("grade", "list", "Exit codes:", "3   harness error (run again)");
    }

    @Test
    void aSubcommandIsRequired() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("a subcommand is required: grade, list, class-report, export-student,"
                + " export-classroom50, export-gradescope, regrade, regrade-report, regrade-slices (or help)");
    }

    @Test
    void gradeNeedsATarget() {
        assertThat(run("grade")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("Missing required option: '--target=TARGET'");
    }

    @Test
    void anUnknownExerciseIsAUsageErrorNamingTheKnownOnes() {
        assertThat(run("grade", "--target", "reference", "--exercises", "nope")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("unknown exercise 'nope'; known: sockets, echo, serialization, chat");
    }

    @Test
    void anExerciseWithoutASuiteIsAUsageErrorNamingTheGradedOnes() {
        List<String> graded = Suites.available();
        String ungraded = Exercises.ALL.stream().filter(e -> !graded.contains(e)).findFirst().orElse(null);
        assumeTrue(ungraded != null, "every exercise has a suite");

        assertThat(run("grade", "--target", "reference", "--exercises", "echo," + ungraded)).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("exercise '" + ungraded + "' has no conformance suite yet; graded today: "
                + String.join(", ", graded));
    }

    @Test
    void aMissingManifestIsAUsageError() {
        assertThat(run("grade", "--target", "/nonexistent.properties")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("socketlab-grader: manifest not found: /nonexistent.properties");
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        assertThat(run("grade", "--target", "reference", "--lang", "fr")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("expected en or es, got 'fr'");
    }

    @Test
    void aTimeoutScaleOutOfRangeIsAUsageError() {
        assertThat(run("grade", "--target", "reference", "--timeout-scale", "0")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("timeout scale must be in (0, 100]");
    }

    @Test
    void anUnknownSandboxIsAUsageError() {
        assertThat(run("grade", "--target", "reference", "--exercises", "sockets", "--sandbox", "vm"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("--sandbox must be none, ns or docker, got 'vm'");
    }

    @Test
    void listShowsEveryClauseOfSocketsAndEchoAndMarksTheirBaselines() {
        assertThat(run("list")).isEqualTo(ExitCodes.FULL_MARKS);

        Map<String, List<String>> listed = listedByExercise();
        assertThat(new ArrayList<>(listed.keySet()).subList(0, 2)).as("course order")
                .satisfiesExactly(
                        header -> assertThat(header).matches("sockets \\(\\d+ points, specs/sockets\\.md\\)"),
                        header -> assertThat(header).matches("echo \\(\\d+ points, specs/echo\\.md\\)"));
        List<String> sockets = testsOf(listed, "sockets");
        List<String> echo = testsOf(listed, "echo");
        assertThat(clauses(sockets)).containsExactlyElementsOf(numbered("SOCK", 11));
        assertThat(clauses(echo)).containsExactlyElementsOf(numbered("ECHO", 10));
        assertThat(baselines(sockets)).containsExactly("SOCK-1", "SOCK-9");
        assertThat(baselines(echo)).containsExactly("ECHO-1", "ECHO-8");
    }

    @Test
    void listShowsTheLevelAndVisibilityOfEachTest() {
        run("list");

        assertThat(out.toString()).containsPattern("\n  ECHO-6 +server +1 +SHOULD +hidden +keeps serving others");
    }

    @Test
    void listAddsUpEachExercisesPoints() {
        run("list");

        listedByExercise().forEach((header, tests) -> {
            int declared = Integer.parseInt(header.replaceAll("^\\S+ \\((\\d+) points.*$", "$1"));
            int summed = tests.stream().mapToInt(line -> Integer.parseInt(line.strip().split(" +")[2])).sum();
            assertThat(summed).as(header).isEqualTo(declared);
        });
    }

    /** Each exercise's header line, and its test lines in the order listed. */
    private Map<String, List<String>> listedByExercise() {
        Map<String, List<String>> listed = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : out.toString().lines().toList()) {
            if (line.startsWith(" ")) {
                current.add(line);
            } else {
                current = new ArrayList<>();
                listed.put(line, current);
            }
        }
        return listed;
    }

    private static List<String> testsOf(Map<String, List<String>> listed, String exercise) {
        return listed.entrySet().stream().filter(e -> e.getKey().startsWith(exercise + " (")).findFirst()
                .orElseThrow(() -> new AssertionError(exercise + " is not listed")).getValue();
    }

    private static List<String> baselines(List<String> testLines) {
        return testLines.stream().filter(line -> line.endsWith("  [baseline]")).map(GraderCommandTests::clause).toList();
    }

    /** The distinct clauses, in the order first listed. */
    private static List<String> clauses(List<String> testLines) {
        return testLines.stream().map(GraderCommandTests::clause).distinct().toList();
    }

    private static String clause(String testLine) {
        return testLine.strip().split(" +")[0];
    }

    private int run(String... args) {
        CommandLine commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static List<String> numbered(String prefix, int last) {
        return IntStream.rangeClosed(1, last).mapToObj(i -> prefix + "-" + i).toList();
    }
}
