package io.socketlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.SampleOutcomes;
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
