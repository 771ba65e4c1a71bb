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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationsReportTests {

    @TempDir
    Path dir;

    private List<String> written(GradeReport report, Lang lang, boolean showHidden) throws IOException {
        new AnnotationsReport(dir, lang, showHidden).sessionFinished(report);
        return Files.readAllLines(dir.resolve(AnnotationsReport.FILE), StandardCharsets.UTF_8);
    }

    @Test
    void oneErrorPerFailedTestWithItsFactsOnOneLine() throws IOException {
        List<String> lines = written(SampleOutcomes.report(Lang.EN), Lang.EN, false);

        // FAILED and HIDDEN_FAILED are errors; the harness error is one warning; pass, blocked and the rest are not.
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("::error title=SOCK-2 counts UTF-8 bytes%2C not characters"
                + " (sockets server%2C 0/2)::step    : reply to \"héllo\\n\"%0A"
                + "expected: \"RECEIVED 6\"%0Abut got : \"RECEIVED 5\"%0A"
                + "hint    : count the bytes of the line before decoding it%0A"
                + "spec    : specs/sockets.md#sock-2");
        assertThat(lines.get(2)).startsWith("::warning title=SocketLab::").contains("harness error");
    }

    @Test
    void aHiddenTestSaysOnlyThatItFailed() throws IOException {
        String hidden = written(SampleOutcomes.report(Lang.EN), Lang.EN, false).get(1);

        assertThat(hidden).startsWith("::error title=ECHO-6 ").endsWith("::hidden test: details are shown to instructors only")
                .doesNotContain("secret");
        assertThat(written(SampleOutcomes.report(Lang.EN), Lang.EN, true).get(1)).contains("secret hint");
    }

    @Test
    void speaksTheRunsLanguage() throws IOException {
        List<String> lines = written(SampleOutcomes.report(Lang.ES), Lang.ES, false);

        assertThat(lines.get(0)).startsWith("::error title=SOCK-2 cuenta bytes UTF-8%2C no caracteres")
                .contains("cuenta los bytes de la línea antes de decodificarla");
    }

    @Test
    void escapesPercentCarriageReturnNewlineAndPropertySeparators() {
        assertThat(AnnotationsReport.escapeData("100% done\r\nnext: a, b")).isEqualTo("100%25 done%0D%0Anext: a, b");
        assertThat(AnnotationsReport.escapeProperty("A::b, 50%\n")).isEqualTo("A%3A%3Ab%2C 50%25%0A");
        // A failure text that tries to start a command of its own stays inside the message.
        assertThat(AnnotationsReport.command("error", "t", "x\n::warning::forged"))
                .isEqualTo("::error title=t::x%0A::warning::forged\n");
    }

    @Test
    void pastTheTenGitHubShowsTheLastErrorCountsTheRest() throws IOException {
        List<TestOutcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            outcomes.add(new TestOutcome(i, "echo", Program.SERVER, "ECHO-" + i, Text.same("test " + i), 1,
                    Level.MUST, Visibility.PUBLIC, Verdict.FAIL, FailureKind.TIMEOUT,
                    new FailureDetail(Text.same("step"), Text.same("\"x\""), Text.same("nothing"), null), "", "",
                    Duration.ZERO, false));
        }
        GradeReport report = new GradeReport("student", List.of("echo"), 1L, Lang.EN, outcomes, Duration.ZERO);

        List<String> lines = written(report, Lang.EN, false);

        // Nine failures in full, then the tenth line counts the four left.
        assertThat(lines).hasSize(AnnotationsReport.MAX_ERRORS);
        assertThat(lines.get(8)).startsWith("::error title=ECHO-9 test 9");
        assertThat(lines.get(9)).isEqualTo(
                "::error title=SocketLab::4 more failed test(s): see the job summary or report.html");
    }

    @Test
    void nothingFailedWritesAnEmptyFile() throws IOException {
        GradeReport report = new GradeReport("reference", List.of("sockets"), 1L, Lang.EN,
                List.of(SampleOutcomes.PASSED), Duration.ZERO);

        assertThat(written(report, Lang.EN, false)).isEmpty();
    }
}
