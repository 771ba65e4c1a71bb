package io.socketlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.SampleOutcomes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTests {

    @TempDir
    Path dir;

    private final StringWriter console = new StringWriter();

    @Test
    void fansEachEventOutToTheConsoleAndEveryFileInAFolderItCreates() throws IOException {
        Path out = dir.resolve("grade-report/nested");

        run(Reports.standard(new PrintWriter(console), out, Lang.EN));

        assertThat(out.resolve(ResultsJsonReport.FILE)).isNotEmptyFile();
        assertThat(out.resolve(JUnitXmlReport.FILE)).isNotEmptyFile();
        assertThat(out.resolve(MarkdownReport.FILE)).isNotEmptyFile();
        assertThat(out.resolve(HtmlReport.FILE)).isNotEmptyFile();
        assertThat(out.resolve(AnnotationsReport.FILE)).isNotEmptyFile();
        assertThat(out.resolve("classroom50/result.json")).isNotEmptyFile();
        assertThat(out.resolve("classroom50/release-body.md")).isNotEmptyFile();
        assertThat(Classroom50Contract.violations(out.resolve("classroom50/result.json"))).isEmpty();
        try (var files = Files.list(out)) {
            assertThat(files).as("no partial file left beside the reports").noneMatch(f -> f.toString().endsWith(".partial"));
        }
        assertThat(console.toString())
                .startsWith("Grading reference: sockets, echo (seed 42)\n")
                .contains("SOCK-2", "ECHO-4")
                .containsPattern("Total +2/8");
    }

    @Test
    void writesOnlyToTheConsoleWithoutAFolder() throws IOException {
        run(Reports.standard(new PrintWriter(console), null, Lang.EN));

        assertThat(console.toString()).containsPattern("Total +2/8");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static void run(Reports reports) {
        GradeReport report = SampleOutcomes.report(Lang.EN);
        reports.sessionStarted(report.target(), report.exercises(), report.seed());
        report.outcomes().forEach(reports::testFinished);
        reports.sessionFinished(report);
    }
}
