package io.socketlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.FailureDetail;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.SampleOutcomes;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.model.Visibility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTests {

    @TempDir
    Path dir;

    @Test
    void headsTheSummaryWithTheTotal() throws IOException {
        assertThat(written(SampleOutcomes.report(Lang.EN))).startsWith("## SocketLab results: 2/8\n");
    }

    @Test
    void tabulatesTheScoreAndVerdictsOfEachExerciseAndTheTotal() throws IOException {
        String md = written(SampleOutcomes.report(Lang.EN));

        assertThat(md).contains("""
                | Exercise | Score | Tests |
                |---|---:|---|
                | sockets | 2/6 | PASS 1, FAIL 1, BLOCKED 1 |
                | echo | 0/2 | FAIL 1, NOT SUBMITTED 1, ERROR 1, INFO 1 |
                | **Total** | **2/8** | |
                """);
        assertThat(md).contains("\n> Some tests hit a harness error (not your fault)");
    }

    @Test
    void detailsThePublicFailureButNotTheHiddenOne() throws IOException {
        String md = written(SampleOutcomes.report(Lang.EN));

        assertThat(md).contains("### What to fix");
        assertThat(md.split("<details>", -1)).as("details blocks").hasSize(2);
        assertThat(md).contains("<details><summary><b>SOCK-2</b> counts UTF-8 bytes, not characters (0/2)</summary>")
                .contains("\"RECEIVED 5\"", "count the bytes of the line before decoding it", "tcp#1  > \"héllo\\n\"");
        assertThat(md).doesNotContain("secret").doesNotContain("<b>ECHO-6</b>");
        assertThat(md).contains("1 hidden test(s) worth 1 point(s): details are shown to instructors only.");
    }

    @Test
    void leavesOutTheFailuresSectionWhenNothingPublicFailed() throws IOException {
        GradeReport allPassed = new GradeReport("reference", List.of("sockets"), 1L, Lang.EN,
                List.of(SampleOutcomes.PASSED), Duration.ofSeconds(1));

        String md = written(allPassed);

        assertThat(md).doesNotContain("What to fix", "<details>", "hidden", "harness error");
    }

    @Test
    void keepsATitleWithAngleBracketsAndAFenceInTheOutputFromBreakingTheMarkdown() throws IOException {
        TestOutcome tricky = new TestOutcome(1, "echo", Program.SERVER, "ECHO-1", Text.same("echoes <b> & friends"),
                1, Level.MUST, Visibility.PUBLIC, Verdict.FAIL, FailureKind.WRONG_OUTPUT,
                new FailureDetail(Text.same("sending a fence"), Text.same("\"```\""), Text.same("\"``\""), null),
                "", "", Duration.ZERO, false);

        String md = written(new GradeReport("reference", List.of("echo"), 1L, Lang.EN, List.of(tricky), Duration.ZERO));

        assertThat(md).contains("<b>ECHO-1</b> echoes &lt;b&gt; &amp; friends (0/1)");
        assertThat(md).contains("\"'''\"");
        assertThat(md.split("```", -1)).as("fences").hasSize(3);
    }

    @Test
    void speaksSpanishWhenAskedTo() throws IOException {
        String md = written(SampleOutcomes.report(Lang.ES), Lang.ES);

        assertThat(md).startsWith("## Resultados de SocketLab: 2/8")
                .contains("| Ejercicio | Puntos | Pruebas |", "| sockets | 2/6 | SUPERADA 1, FALLIDA 1, BLOQUEADA 1 |",
                        "### Qué corregir", "se esperaba");
    }

    private String written(GradeReport report) throws IOException {
        return written(report, Lang.EN);
    }

    private String written(GradeReport report, Lang lang) throws IOException {
        new MarkdownReport(dir, lang).sessionFinished(report);
        return Files.readString(dir.resolve(MarkdownReport.FILE), StandardCharsets.UTF_8);
    }

    @Test
    void listsWhatInfoTestsMeasuredUnscored() throws IOException {
        TestOutcome measured = new TestOutcome(1, "udp-transfer", Program.CLIENT, "UT-17", Text.same("goodput"), 0,
                Level.INFO, Visibility.PUBLIC, Verdict.INFO, null,
                new FailureDetail(Text.EMPTY, Text.EMPTY, Text.of("0 % loss: 5.00 MiB/s", "0 % pérdida: 5.00 MiB/s"), null),
                "", "", Duration.ZERO, false);
        GradeReport report = new GradeReport("reference", List.of("udp-transfer"), 1L, Lang.EN, List.of(measured),
                Duration.ZERO);

        assertThat(written(report)).contains("### Measurements (not scored)")
                .contains("**UT-17** goodput\n\n```text\n0 % loss: 5.00 MiB/s\n```");
    }
}
