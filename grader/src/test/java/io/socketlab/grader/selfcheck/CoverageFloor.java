package io.socketlab.grader.selfcheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The line coverage a JaCoCo XML report states, overall and per package ({@code sockets}, {@code common}...), read from
 * the report's own counters: what a reader of {@code jacoco.xml} sees is what the floors are checked against.
 */
final class CoverageFloor {

    private CoverageFloor() {
    }

    /** Line coverage in percent: the report's total under {@code "total"}, then each package by its last name. */
    static Map<String, Double> linePercents(Path jacocoXml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // The report names JaCoCo's DTD; nothing is fetched or validated.
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Element report = factory.newDocumentBuilder().parse(jacocoXml.toFile()).getDocumentElement();
            Map<String, Double> percents = new LinkedHashMap<>();
            percents.put("total", linePercent(report));
            for (Node child = report.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && element.getTagName().equals("package")) {
                    String name = element.getAttribute("name");
                    percents.put(name.substring(name.lastIndexOf('/') + 1), linePercent(element));
                }
            }
            return percents;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + jacocoXml + ": " + e.getMessage(), e);
        }
    }

    /** The LINE counter that is a direct child of {@code element}: its own total, not one of a part's. */
    private static double linePercent(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element counter && counter.getTagName().equals("counter")
                    && counter.getAttribute("type").equals("LINE")) {
                long missed = Long.parseLong(counter.getAttribute("missed"));
                long covered = Long.parseLong(counter.getAttribute("covered"));
                return covered + missed == 0 ? 100.0 : 100.0 * covered / (covered + missed);
            }
        }
        throw new IllegalArgumentException("no LINE counter in <" + element.getTagName() + " name=\""
                + element.getAttribute("name") + "\">");
    }

    /** {@code "sockets 86.3 % (floor 85.0 %)"}. */
    static String describe(String name, double percent, double floor) {
        return String.format(Locale.ROOT, "%s %.1f %% (floor %.1f %%)", name, percent, floor);
    }
}
