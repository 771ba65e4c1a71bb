package io.socketlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.FailureDetail;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.Image;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.SampleOutcomes;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.model.Visibility;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class HtmlReportTests {

    @TempDir
    Path dir;

    @Test
    void headsAPhoneSizedPageWithTheTargetAndTotal() throws Exception {
        Document page = parse(written(SampleOutcomes.report(Lang.EN), Lang.EN, false));

        assertThat(text(page, "/html/@lang")).isEqualTo("en");
        assertThat(text(page, "//meta[@name='viewport']/@content")).contains("width=device-width");
        assertThat(text(page, "//title")).isEqualTo("SocketLab results for reference: 2/8");
        assertThat(text(page, "//h1")).isEqualTo("SocketLab results for reference: 2/8");
    }

    @Test
    void tabulatesTheScoreAndVerdictsOfEachExerciseAndTheTotal() throws Exception {
        Document page = parse(written(SampleOutcomes.report(Lang.EN), Lang.EN, false));

        assertThat(texts(page, "//tbody/tr[1]/td")).containsExactly("sockets", "2/6", "PASS 1 FAIL 1 BLOCKED 1");
        assertThat(texts(page, "//tbody/tr[2]/td"))
                .containsExactly("echo", "0/2", "FAIL 1 NOT SUBMITTED 1 ERROR 1 INFO 1");
        assertThat(texts(page, "//tfoot/tr/th")).containsExactly("Total", "2/8", "");
        assertThat(text(page, "//p[@class='note']")).startsWith("Some tests hit a harness error (not your fault)");
    }

    @Test
    void listsEveryTestWithItsVerdictWordClauseLinkProgramAndPoints() throws Exception {
        Document page = parse(written(SampleOutcomes.report(Lang.EN), Lang.EN, false));

        assertThat(texts(page, "//li[contains(@class, 'test')]//span[contains(@class, 'badge')]"))
                .containsExactly("PASS", "FAIL", "BLOCKED", "NOT SUBMITTED", "ERROR", "FAIL", "INFO");
        assertThat(texts(page, "//li//a[@class='clause']"))
                .containsExactly("SOCK-1", "SOCK-2", "SOCK-10", "ECHO-8", "ECHO-3", "ECHO-6", "ECHO-4");
        assertThat(texts(page, "//li//a[@class='clause']/@href")).startsWith("specs/sockets.md#sock-1",
                "specs/sockets.md#sock-2");
        assertThat(texts(page, "(//li)[2]/div[@class='meta']/span"))
                .containsExactly("FAIL", "Program: server", "Points: 0/2");
        assertThat(text(page, "(//li)[1]/p")).isEqualTo("greets with HELLO <name> and answers a first line");
    }

    @Test
    void detailsAPublicFailureWithItsFactsAndCollapsibleTranscriptAndOutput() throws Exception {
        String html = written(SampleOutcomes.report(Lang.EN), Lang.EN, false);
        Document page = parse(html);

        assertThat(text(page, "(//pre[@class='facts'])[1]")).containsPattern("expected *: \"RECEIVED 6\"")
                .containsPattern("but got *: \"RECEIVED 5\"")
                .containsPattern("hint *: count the bytes of the line before decoding it");
        assertThat(html).contains("&quot;RECEIVED 6&quot;", "tcp#1  &gt; &quot;héllo\\n&quot;");
        assertThat(texts(page, "//details/summary")).containsExactly("transcript", "program output");
        assertThat(texts(page, "//details/pre")).containsExactly(
                "[ 3 ms] tcp#1 > \"héllo\\n\" [ 5 ms] tcp#1 < \"RECEIVED 5\\n\"", "out [ 0.120s] listening on 40123");
    }

    @Test
    void saysWhyABlockedUnsubmittedOrErroredTestGotNoPoints() throws Exception {
        Document page = parse(written(SampleOutcomes.report(Lang.EN), Lang.EN, false));

        assertThat(texts(page, "//pre[@class='facts']")).hasSize(4).anySatisfy(f -> assertThat(f)
                .contains("not run because the baseline failed")).anySatisfy(f -> assertThat(f)
                .contains("not submitted: no echo.client in the manifest")).anySatisfy(f -> assertThat(f)
                .contains("harness error (not your fault): no free port"));
    }

    @Test
    void escapesMarkupThatStudentOutputCarries() throws Exception {
        TestOutcome hostile = new TestOutcome(1, "echo", Program.SERVER, "ECHO-1", Text.same("echoes <b> & 'friends'"),
                1, Level.MUST, Visibility.PUBLIC, Verdict.FAIL, FailureKind.WRONG_OUTPUT,
                new FailureDetail(Text.same("send a tag"), Text.same("\"<i>\""), Text.same("\"<script>alert(1)</script>\""), null),
                "[     1 ms] tcp#1  < \"<script>alert(1)</script>\"\n", "out <script>alert(2)</script>\n",
                Duration.ZERO, false);

        String html = written(new GradeReport("reference", List.of("echo"), 1L, Lang.EN, List.of(hostile),
                Duration.ZERO), Lang.EN, false);

        assertThat(html).doesNotContain("<script", "<b>", "<i>")
                .contains("tcp#1  &lt; &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;",
                        "out &lt;script&gt;alert(2)&lt;/script&gt;", "echoes &lt;b&gt; &amp; &#39;friends&#39;");
        assertThat(texts(parse(html), "//details/pre")).first().asString().contains("<script>alert(1)</script>");
    }

    @Test
    void embedsTheFramesATestAttachedAsImagesButNotAHiddenTestsForStudents() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        List<Image> frame = List.of(new Image(Text.of("frame-7.png as the receiver wrote it", "frame-7.png"), png));
        TestOutcome shown = new TestOutcome(1, "udp-stream", Program.SERVER, "US-2", Text.same("conceals lost rows"),
                4, Level.MUST, Visibility.PUBLIC, Verdict.PASS, null, null, "", "", Duration.ZERO, false, frame);
        TestOutcome hidden = new TestOutcome(2, "udp-stream", Program.SERVER, "US-9", Text.same("late rows ignored"),
                2, Level.MUST, Visibility.HIDDEN, Verdict.PASS, null, null, "", "", Duration.ZERO, false,
                List.of(new Image(Text.same("hidden frame"), png)));
        GradeReport report = new GradeReport("reference", List.of("udp-stream"), 1L, Lang.EN, List.of(shown, hidden),
                Duration.ZERO);

        Document page = parse(written(report, Lang.EN, false));

        assertThat(texts(page, "//figure/img/@src")).containsExactly(
                "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        assertThat(texts(page, "//figure/figcaption")).containsExactly("frame-7.png as the receiver wrote it");
        assertThat(texts(parse(written(report, Lang.EN, true)), "//figure/figcaption")).hasSize(2);
    }

    @Test
    void keepsAHiddenFailuresDetailsForTheInstructorsCopy() throws Exception {
        String studentCopy = written(SampleOutcomes.report(Lang.EN), Lang.EN, false);
        String instructorCopy = written(SampleOutcomes.report(Lang.EN), Lang.EN, true);

        assertThat(studentCopy).doesNotContain("secret")
                .contains("ECHO-6", "hidden test: details are shown to instructors only",
                        "1 hidden test(s) worth 1 point(s)");
        assertThat(instructorCopy).contains("secret step", "secret expected", "secret actual", "secret hint",
                "secret transcript");
    }

    @Test
    void marksAFlakyTestAndEndsWithTheSeedAndTime() throws Exception {
        Document page = parse(written(SampleOutcomes.report(Lang.EN), Lang.EN, false));

        assertThat(text(page, "(//li)[last()]")).contains("flaky: a harness error, then passed on retry");
        assertThat(text(page, "//footer")).isEqualTo("Target reference, seed 42, graded in 12.4 s");
    }

    @Test
    void fetchesNothingFromTheNetwork() throws Exception {
        String html = written(SampleOutcomes.report(Lang.EN), Lang.EN, true);

        assertThat(html).doesNotContain("http://", "https://", "<link", "<script", "src=", "@import", "url(");
    }

    @Test
    void speaksSpanishWhenAskedTo() throws Exception {
        String html = written(SampleOutcomes.report(Lang.ES), Lang.ES, false);
        Document page = parse(html);

        assertThat(text(page, "/html/@lang")).isEqualTo("es");
        assertThat(text(page, "//h1")).isEqualTo("Resultados de SocketLab para reference: 2/8");
        assertThat(texts(page, "//thead/tr/th")).containsExactly("Ejercicio", "Puntos", "Pruebas");
        assertThat(texts(page, "//tbody/tr[1]/td")).containsExactly("sockets", "2/6", "SUPERADA 1 FALLIDA 1 BLOQUEADA 1");
        assertThat(text(page, "(//li)[2]/p")).isEqualTo("cuenta bytes UTF-8, no caracteres");
        assertThat(html).contains("se esperaba", "transcripción", "Programa: server",
                "prueba oculta: los detalles solo los ven los profesores", "Objetivo reference, semilla 42");
    }

    private String written(GradeReport report, Lang lang, boolean showHidden) throws Exception {
        new HtmlReport(dir, lang, showHidden).sessionFinished(report);
        return Files.readString(dir.resolve(HtmlReport.FILE), StandardCharsets.UTF_8);
    }

    /** The page is kept well-formed XML as well as HTML, so an XML parser proves its structure. */
    private static Document parse(String html) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    private static String text(Document page, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, page).strip();
    }

    /** The text of each node, its whitespace collapsed. */
    private static List<String> texts(Document page, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip().replaceAll("\\s+", " "));
        }
        return texts;
    }
}
