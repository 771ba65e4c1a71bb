package io.socketlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.classreport.ClassReportWriter;
import io.socketlab.grader.classreport.SampleResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code class-report} as an instructor runs it. */
class ClassReportCommandTests {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void mergesAFolderOfResultsAndSaysWhereTheReportIs() throws IOException {
        Path grades = SampleResults.writeClass(dir.resolve("grades"));
        Path report = dir.resolve("report");

        assertThat(run("class-report", "--out", report.toString(), grades.toString())).isEqualTo(ExitCodes.FULL_MARKS);

        assertThat(out.toString()).isEqualTo("class-report: merged 4 students into " + report
                + " (class.csv, tests.csv, clauses.csv, histogram.png, class.md, class.html)\n");
        assertThat(err.toString()).isEmpty();
        for (String file : ClassReportWriter.FILES) {
            assertThat(report.resolve(file)).isNotEmptyFile();
        }
    }

    @Test
    void takesNamesFromFileNamesWhenAsked() throws IOException {
        Path alice = SampleResults.write(dir.resolve("alice.json"), SampleResults.sock1("PASS"));
        Path bob = SampleResults.write(dir.resolve("bob.json"), SampleResults.sock1("FAIL"));

        assertThat(run("class-report", "--name-from", "file", "--out", dir.resolve("report").toString(),
                alice.toString(), bob.toString())).isEqualTo(ExitCodes.FULL_MARKS);

        assertThat(Files.readString(dir.resolve("report").resolve(ClassReportWriter.GRADEBOOK_FILE)))
                .contains("\nalice,2,2,100.0,2\r", "\nbob,0,2,0.0,0\r");
    }

    @Test
    void helpIsListedWithTheOtherSubcommands() {
        assertThat(run("--help")).isEqualTo(ExitCodes.FULL_MARKS);

        assertThat(out.toString()).contains("class-report", "For instructors");
    }

    @Test
    void resultsAreRequired() {
        assertThat(run("class-report", "--out", dir.toString())).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("Missing required parameter: 'RESULTS'");
    }

    @Test
    void aMissingPathIsAUsageErrorNamingIt() {
        Path missing = dir.resolve("nobody/results.json");

        assertThat(run("class-report", "--out", dir.resolve("report").toString(), missing.toString()))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).isEqualTo("socketlab-grader: no such file or folder: " + missing + "\n");
        assertThat(dir.resolve("report")).doesNotExist();
    }

    @Test
    void anInvalidResultsFileIsAUsageErrorNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("results.json"), "{\"score\": 1}");

        assertThat(run("class-report", "--out", dir.resolve("report").toString(), file.toString()))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).isEqualTo("socketlab-grader: not a valid results.json: " + file
                + ": 'tests' is missing or not an array\n");
    }

    @Test
    void anUnknownNameSourceIsAUsageError() {
        assertThat(run("class-report", "--name-from", "email", "--out", dir.toString(), dir.toString()))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("expected parent or file, got 'email'");
    }

    private int run(String... args) {
        CommandLine commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
