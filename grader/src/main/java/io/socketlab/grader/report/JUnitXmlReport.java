package io.socketlab.grader.report;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.TestOutcome;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: one {@code testsuite} per exercise, so CI systems show the verdicts natively. FAIL is a
 * {@code failure}, ERROR an {@code error}, BLOCKED and NOT SUBMITTED are {@code skipped}.
 *
 * <p>It stays well-formed whatever a program prints: a character XML 1.0 cannot carry (ESC and the other control
 * characters, a lone surrogate, U+FFFE) is written as a visible {@code \\uXXXX}, and each failure's text is cut at
 * {@value #MAX_BODY_BYTES} bytes, so readers that load the file whole are not flooded.
 */
public final class JUnitXmlReport implements GradingListener {

    public static final String FILE = "junit.xml";
    static final int MAX_BODY_BYTES = 64 * 1024;

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
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(stream, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", xmlSafe("SocketLab " + report.target()));
            xml.writeAttribute("time", seconds(report.executionTime().toMillis()));
            for (String exercise : report.exercises()) {
                writeSuite(xml, exercise, report.outcomesOf(exercise));
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
        ReportFiles.write(file, stream.toByteArray());
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
            xml.writeAttribute("name", xmlSafe(outcome.clause() + " " + outcome.title().in(lang)));
            xml.writeAttribute("time", seconds(outcome.duration().toMillis()));
            String body = xmlSafe(ReportFiles.cut(FailureText.full(outcome, lang, messages, showHidden), MAX_BODY_BYTES,
                    "\n" + messages.get("summary.block.cut") + "\n"));
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

    /** {@code text} with every character XML 1.0 forbids written as a visible {@code \\uXXXX}. */
    static String xmlSafe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pair || c == '\t' || c == '\n' || c == '\r'
                    || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (allowed && out == null) {
                if (pair) {
                    i++;
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (allowed) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String count(List<TestOutcome> outcomes, String verdict) {
        return Long.toString(outcomes.stream().filter(o -> o.verdict().name().equals(verdict)).count());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
