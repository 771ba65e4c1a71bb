package io.socketlab.grader.classreport;

import io.socketlab.grader.classreport.ClassReport.ExerciseAverage;
import io.socketlab.grader.classreport.ClassReport.Student;
import io.socketlab.grader.classreport.ClassReport.TestRate;
import io.socketlab.grader.model.Verdict;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/** Writes a {@link ClassReport} as a gradebook CSV, a pass-rate CSV, a score histogram (PNG) and a Markdown summary. */
public final class ClassReportWriter {

    public static final String GRADEBOOK_FILE = "class.csv";
    public static final String TESTS_FILE = "tests.csv";
    public static final String HISTOGRAM_FILE = "histogram.png";
    public static final String SUMMARY_FILE = "class.md";
    public static final String CLAUSES_FILE = "clauses.csv";
    public static final String PAGE_FILE = "class.html";
    public static final List<String> FILES = List.of(GRADEBOOK_FILE, TESTS_FILE, CLAUSES_FILE, HISTOGRAM_FILE,
            SUMMARY_FILE, PAGE_FILE);

    public static final int HISTOGRAM_WIDTH = 800;
    public static final int HISTOGRAM_HEIGHT = 480;

    /** How many of the tests with the lowest pass rates the summary lists. */
    static final int HARDEST_TESTS = 10;

    /** The verdicts counted per test, in the columns' order. */
    private static final List<Verdict> COUNTED =
            List.of(Verdict.PASS, Verdict.FAIL, Verdict.BLOCKED, Verdict.NOT_SUBMITTED, Verdict.ERROR);

    private static final String CSV_LINE_END = "\r\n"; // RFC 4180

    private ClassReportWriter() {
    }

    /** Writes the {@link #FILES} into {@code dir}, creating it if needed; each file appears whole or not at all. */
    public static void write(ClassReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(GRADEBOOK_FILE), gradebookCsv(report).getBytes(StandardCharsets.UTF_8));
            writeAtomically(dir.resolve(TESTS_FILE), testsCsv(report).getBytes(StandardCharsets.UTF_8));
            writeAtomically(dir.resolve(CLAUSES_FILE), clausesCsv(report).getBytes(StandardCharsets.UTF_8));
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            ImageIO.write(histogram(report), "png", png);
            writeAtomically(dir.resolve(HISTOGRAM_FILE), png.toByteArray());
            writeAtomically(dir.resolve(SUMMARY_FILE), summaryMarkdown(report).getBytes(StandardCharsets.UTF_8));
            writeAtomically(dir.resolve(PAGE_FILE), ClassPage.html(report, png.toByteArray())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the class report to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        Files.write(partial, bytes);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * One row per student: total, percent, then the score of each exercise (empty where not graded); after a regrade
     * also how it ended, the commit graded, its date, the number of late commits and why it was not graded.
     */
    static String gradebookCsv(ClassReport report) {
        List<String> exercises = report.exercises();
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("student", "score", "max_score", "percent"));
        header.addAll(exercises);
        if (report.fromRegrade()) {
            header.addAll(List.of("status", "commit", "committed_at", "pushed_at", "late_commits", "dates_out_of_order",
                    "detail"));
        }
        csvRow(csv, header);
        for (Student student : report.students()) {
            List<String> row = new ArrayList<>(List.of(student.name(), Integer.toString(student.score()),
                    Integer.toString(student.maxScore()), oneDecimal(student.percent())));
            Map<String, Integer> scores = student.scoreByExercise();
            exercises.forEach(e -> row.add(scores.containsKey(e) ? scores.get(e).toString() : ""));
            if (report.fromRegrade()) {
                report.submission(student.name()).ifPresentOrElse(s -> row.addAll(List.of(s.status().label(),
                                s.commit(), s.committedAt(), s.pushedAt(), Integer.toString(s.lateCommits().size()),
                                Boolean.toString(s.datesOutOfOrder()), s.detail())),
                        () -> row.addAll(List.of("", "", "", "", "", "", "")));
            }
            csvRow(csv, row);
        }
        return csv.toString();
    }

    /** One row per clause, the lowest pass rate first. */
    static String clausesCsv(ClassReport report) {
        StringBuilder csv = new StringBuilder();
        csvRow(csv, List.of("exercise", "clause", "students", "passed_all", "pass_rate", "points", "max_points",
                "points_rate"));
        for (ClassReport.ClauseRate clause : report.clauseRates()) {
            csvRow(csv, List.of(clause.exercise(), clause.clause(), Integer.toString(clause.students()),
                    Integer.toString(clause.passedAll()), oneDecimal(clause.passRate()), Integer.toString(clause.points()),
                    Integer.toString(clause.maxPoints()), oneDecimal(clause.pointsRate())));
        }
        return csv.toString();
    }

    /** One row per test, the lowest pass rate first. */
    static String testsCsv(ClassReport report) {
        StringBuilder csv = new StringBuilder();
        csvRow(csv, List.of("exercise", "clause", "name", "max_score", "passed", "failed", "blocked", "not_submitted",
                "error", "pass_rate"));
        for (TestRate test : report.testRates()) {
            List<String> row = new ArrayList<>(List.of(test.exercise(), test.clause(), test.name(),
                    Integer.toString(test.maxScore())));
            COUNTED.forEach(verdict -> row.add(Integer.toString(test.count(verdict))));
            row.add(oneDecimal(test.passRate()));
            csvRow(csv, row);
        }
        return csv.toString();
    }

    static String summaryMarkdown(ClassReport report) {
        StringBuilder md = new StringBuilder("# Class report\n\n");
        md.append("| students | mean | median | min | max |\n|---:|---:|---:|---:|---:|\n")
                .append("| ").append(report.students().size())
                .append(" | ").append(oneDecimal(report.meanPercent())).append(" %")
                .append(" | ").append(oneDecimal(report.medianPercent())).append(" %")
                .append(" | ").append(oneDecimal(report.minPercent())).append(" %")
                .append(" | ").append(oneDecimal(report.maxPercent())).append(" % |\n\n");
        md.append("![histogram](").append(HISTOGRAM_FILE).append(")\n\n");
        md.append("## Exercises\n\n| exercise | mean score | max score | mean | students |\n|---|---:|---:|---:|---:|\n");
        for (ExerciseAverage average : report.exerciseAverages()) {
            md.append("| ").append(average.exercise()).append(" | ").append(oneDecimal(average.meanScore()))
                    .append(" | ").append(average.maxScore()).append(" | ").append(oneDecimal(average.meanPercent()))
                    .append(" % | ").append(average.students()).append(" |\n");
        }
        md.append("\n## Hardest tests\n\n| exercise | test | pass rate | passed | failed | blocked | not submitted | error |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (TestRate test : report.testRates().stream().limit(HARDEST_TESTS).toList()) {
            md.append("| ").append(test.exercise()).append(" | ").append(markdownCell(test.name()))
                    .append(" | ").append(oneDecimal(test.passRate())).append(" %")
                    .append(COUNTED.stream().map(v -> " | " + test.count(v)).collect(Collectors.joining()))
                    .append(" |\n");
        }
        md.append("\n## Hardest clauses\n\n| exercise | clause | passed whole | students | points earned |\n"
                + "|---|---|---:|---:|---:|\n");
        for (ClassReport.ClauseRate clause : report.clauseRates().stream().limit(HARDEST_TESTS).toList()) {
            md.append("| ").append(clause.exercise()).append(" | ").append(clause.clause()).append(" | ")
                    .append(oneDecimal(clause.passRate())).append(" % | ").append(clause.students()).append(" | ")
                    .append(oneDecimal(clause.pointsRate())).append(" % |\n");
        }
        RegradeSections.markdown(report, md);
        return md.toString();
    }

    /** Bars of students per 10 % score bucket, each labelled with its count. */
    static BufferedImage histogram(ClassReport report) {
        System.setProperty("java.awt.headless", "true"); // draw without a display, before AWT starts
        int[] buckets = report.histogram();
        // y axis: whole student counts, about eight gridlines, one step of headroom above the highest bar for its label
        int highest = Arrays.stream(buckets).max().orElse(0);
        int step = Math.max(1, (int) Math.ceil(highest / 8.0));
        int scaleMax = (highest / step + 1) * step;
        int left = 70;
        int right = 20;
        int top = 50;
        int bottom = 70;
        int plotWidth = HISTOGRAM_WIDTH - left - right;
        int plotHeight = HISTOGRAM_HEIGHT - top - bottom;
        int slot = plotWidth / buckets.length;

        BufferedImage image = new BufferedImage(HISTOGRAM_WIDTH, HISTOGRAM_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, HISTOGRAM_WIDTH, HISTOGRAM_HEIGHT);

            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            centered(g, "Class scores (" + report.students().size() + " students)", HISTOGRAM_WIDTH / 2, 30);

            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            for (int count = 0; count <= scaleMax; count += step) {
                int y = top + plotHeight - count * plotHeight / scaleMax;
                g.setColor(new Color(225, 225, 225));
                g.drawLine(left, y, left + plotWidth, y);
                g.setColor(Color.BLACK);
                String label = Integer.toString(count);
                g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 5);
            }

            for (int i = 0; i < buckets.length; i++) {
                int x = left + i * slot;
                int barHeight = buckets[i] * plotHeight / scaleMax;
                int barTop = top + plotHeight - barHeight;
                g.setColor(new Color(70, 120, 190));
                g.fillRect(x + 4, barTop, slot - 8, barHeight);
                g.setColor(Color.BLACK);
                if (buckets[i] > 0) {
                    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
                    centered(g, Integer.toString(buckets[i]), x + slot / 2, barTop - 6);
                }
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
                centered(g, (i * 10) + "-" + (i * 10 + 10), x + slot / 2, top + plotHeight + 20);
            }

            g.setStroke(new BasicStroke(2));
            g.drawLine(left, top + plotHeight, left + plotWidth, top + plotHeight);
            g.drawLine(left, top, left, top + plotHeight);

            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            centered(g, "score (%)", left + plotWidth / 2, HISTOGRAM_HEIGHT - 18);
            g.rotate(-Math.PI / 2);
            centered(g, "students", -(top + plotHeight / 2), 22);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void centered(Graphics2D g, String text, int x, int baseline) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, x - metrics.stringWidth(text) / 2, baseline);
    }

    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static void csvRow(StringBuilder csv, List<String> fields) {
        csv.append(fields.stream().map(ClassReportWriter::csvField).collect(Collectors.joining(","))).append(CSV_LINE_END);
    }

    /** RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled. */
    static String csvField(String field) {
        boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /** Shown as text in a table cell: no HTML tags, no column breaks. */
    static String markdownCell(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
                .replace("\n", " ");
    }
}
