package io.socketlab.grader.report;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.TestOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: one {@code testsuite} per exercise, so CI systems show the verdicts natively. FAIL is a
 * {@code failure}, ERROR an {@code error}, BLOCKED and NOT SUBMITTED are {@code skipped}.
 */
public final class JUnitXmlReport implements GradingListener {

    public static final String FILE = "junit.xml";

    private final Path file;
    private final Lang lang;
    private final Messages messages;
    private final boolean showHidden;

    public JUnitXmlReport(Path dir, Lang lang) {
        this(dir, lang, false);
    }

    /** @param showHidden include hidden tests' details (an instructor's copy) */
    public JUnitXmlReport(Path dir, Lang lang, boolean showHidden) {
        this.file = dir.resolve(FILE);
        this.lang = lang;
        this.messages = new Messages(lang);
        this.showHidden = showHidden;
    }

    @Override
    public void sessionFinished(GradeReport report) {
        try (OutputStream stream = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(stream, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "SocketLab " + report.target());
            xml.writeAttribute("time", seconds(report.executionTime().toMillis()));
            for (String exercise : report.exercises()) {
                writeSuite(xml, exercise, report.outcomesOf(exercise));
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    private void writeSuite(XMLStreamWriter xml, String exercise, List<TestOutcome> outcomes) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", exercise);
        xml.writeAttribute("tests", Integer.toString(outcomes.size()));
        xml.writeAttribute("failures", count(outcomes, "FAIL"));
        xml.writeAttribute("errors", count(outcomes, "ERROR"));
        xml.writeAttribute("skipped", Long.toString(outcomes.stream()
                .filter(o -> o.verdict().name().equals("BLOCKED") || o.verdict().name().equals("NOT_SUBMITTED")).count()));
        xml.writeAttribute("time", seconds(outcomes.stream().mapToLong(o -> o.duration().toMillis()).sum()));
        for (TestOutcome outcome : outcomes) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "socketlab." + exercise + "." + outcome.program().id());
            xml.writeAttribute("name", outcome.clause() + " " + outcome.title().in(lang));
            xml.writeAttribute("time", seconds(outcome.duration().toMillis()));
            String body = FailureText.full(outcome, lang, messages, showHidden);
            String summary = body.lines().findFirst().orElse("").strip();
            switch (outcome.verdict()) {
                case FAIL -> element(xml, "failure", outcome.kind() == null ? "FAIL" : outcome.kind().name(), summary, body);
                case ERROR -> element(xml, "error", "ERROR", summary, body);
                case BLOCKED, NOT_SUBMITTED -> {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", messages.verdict(outcome.verdict()) + ": " + summary);
                }
                default -> { }
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String type, String message, String body)
            throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("type", type);
        xml.writeAttribute("message", message);
        xml.writeCharacters(body);
        xml.writeEndElement();
    }

    private static String count(List<TestOutcome> outcomes, String verdict) {
        return Long.toString(outcomes.stream().filter(o -> o.verdict().name().equals(verdict)).count());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
