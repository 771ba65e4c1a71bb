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
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReportTests {

    @TempDir
    Path dir;

    private Document xml;

    @BeforeEach
    void writeAndParse() throws Exception {
        new JUnitXmlReport(dir, Lang.EN).sessionFinished(SampleOutcomes.report(Lang.EN));
        xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve(JUnitXmlReport.FILE).toFile());
    }

    @Test
    void namesTheRunAfterTheTargetWithItsTotalTime() {
        Element root = xml.getDocumentElement();

        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("name")).isEqualTo("SocketLab reference");
        assertThat(root.getAttribute("time")).isEqualTo("12.400");
    }

    @Test
    void writesOneSuitePerExerciseWithItsCounts() {
        List<Element> suites = elements(xml.getDocumentElement().getElementsByTagName("testsuite"));

        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("sockets", "echo");
        assertThat(counts(suites.get(0))).containsExactly("3", "1", "0", "1");
        assertThat(counts(suites.get(1))).containsExactly("4", "1", "1", "1");
        assertThat(suites.get(0).getAttribute("time")).isEqualTo("0.730");
    }

    @Test
    void reportsAFailureWithItsKindFirstFactAndFullText() {
        Element failing = testcase("sockets", 1);
        Element failure = only(failing, "failure");

        assertThat(failing.getAttribute("classname")).isEqualTo("socketlab.sockets.server");
        assertThat(failing.getAttribute("name")).isEqualTo("SOCK-2 counts UTF-8 bytes, not characters");
        assertThat(failing.getAttribute("time")).isEqualTo("0.420");
        assertThat(failure.getAttribute("type")).isEqualTo("WRONG_OUTPUT");
        assertThat(failure.getAttribute("message")).matches("step *: reply to \"héllo\\\\n\"");
        assertThat(failure.getTextContent()).contains("\"RECEIVED 6\"", "\"RECEIVED 5\"", "tcp#1  S: \"RECEIVED 5\\n\"");
    }

    @Test
    void reportsAHarnessErrorAsAnError() {
        Element error = only(testcase("echo", 1), "error");

        assertThat(error.getAttribute("type")).isEqualTo("ERROR");
        assertThat(error.getAttribute("message")).contains("harness error (not your fault): no free port");
    }

    @Test
    void reportsBlockedAndUnsubmittedTestsAsSkippedWithTheirReason() {
        assertThat(only(testcase("sockets", 2), "skipped").getAttribute("message"))
                .startsWith("BLOCKED: ").contains("not run because the baseline failed");
        assertThat(only(testcase("echo", 0), "skipped").getAttribute("message"))
                .startsWith("NOT SUBMITTED: ").contains("no echo.client in the manifest");
    }

    @Test
    void writesPassesAndMeasurementsAsPlainTestcases() {
        assertThat(testcase("sockets", 0).getChildNodes().getLength()).isZero();
        assertThat(testcase("echo", 3).getChildNodes().getLength()).isZero();
    }

    @Test
    void staysWellFormedWhateverAProgramPrinted() throws Exception {
        String hostile = "\u001b[31mred\u001b[0m \u0000 \u0007 \u000b \ud800 alone \ufffe ]]> </failure> &amp; <x> 😀";
        TestOutcome outcome = new TestOutcome(1, "echo", Program.SERVER, "ECHO-1", Text.same("echo \u001b title"),
                1, Level.MUST, Visibility.PUBLIC, Verdict.FAIL, FailureKind.WRONG_OUTPUT,
                new FailureDetail(Text.same("send " + hostile), Text.same("\"x\""), Text.same(hostile), null),
                hostile, hostile.repeat(10_000), Duration.ZERO, false);
        Path hostileDir = dir.resolve("hostile");
        new JUnitXmlReport(hostileDir, Lang.EN).sessionFinished(new GradeReport("\u001b", List.of("echo"), 1L, Lang.EN,
                List.of(outcome), Duration.ZERO));

        Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(hostileDir.resolve(JUnitXmlReport.FILE).toFile());
        Element failure = (Element) parsed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("\\u001B[31mred", "\\u0000", "\\uD800 alone", "😀");
        assertThat(failure.getTextContent()).contains("]]> </failure> &amp; <x>", "[... cut");
        assertThat(java.nio.file.Files.size(hostileDir.resolve(JUnitXmlReport.FILE)))
                .isLessThan(2L * JUnitXmlReport.MAX_BODY_BYTES);
    }

    private Element testcase(String suite, int index) {
        Element found = elements(xml.getElementsByTagName("testsuite")).stream()
                .filter(s -> s.getAttribute("name").equals(suite)).findFirst().orElseThrow();
        return elements(found.getElementsByTagName("testcase")).get(index);
    }

    private static Element only(Element testcase, String tag) {
        List<Element> children = elements(testcase.getElementsByTagName(tag));
        assertThat(children).as("<%s> in %s", tag, testcase.getAttribute("name")).hasSize(1);
        return children.get(0);
    }

    private static List<String> counts(Element suite) {
        return List.of(suite.getAttribute("tests"), suite.getAttribute("failures"), suite.getAttribute("errors"),
                suite.getAttribute("skipped"));
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
