package io.socketlab.grader.report;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.model.Visibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code summary.md}: a score table and what to fix, for a GitHub job summary ({@code $GITHUB_STEP_SUMMARY}). */
public final class MarkdownReport implements GradingListener {

    public static final String FILE = "summary.md";

    private final Path file;
    private final Lang lang;
    private final Messages messages;
    private final boolean showHidden;

    public MarkdownReport(Path dir, Lang lang) {
        this(dir, lang, false);
    }

    /** @param showHidden include hidden tests' details (an instructor's copy) */
    public MarkdownReport(Path dir, Lang lang, boolean showHidden) {
        this.file = dir.resolve(FILE);
        this.lang = lang;
        this.messages = new Messages(lang);
        this.showHidden = showHidden;
    }

    @Override
    public void sessionFinished(GradeReport report) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(messages.get("summary.title")).append(": ")
                .append(report.score()).append('/').append(report.maxScore()).append("\n\n");
        md.append("| ").append(messages.get("header.exercise")).append(" | ").append(messages.get("header.score"))
                .append(" | ").append(messages.get("header.tests")).append(" |\n|---|---:|---|\n");
        for (String exercise : report.exercises()) {
            List<TestOutcome> outcomes = report.outcomesOf(exercise);
            md.append("| ").append(exercise).append(" | ")
                    .append(outcomes.stream().mapToInt(TestOutcome::score).sum()).append('/')
                    .append(outcomes.stream().mapToInt(TestOutcome::maxScore).sum()).append(" | ")
                    .append(counts(report.verdictCounts(exercise))).append(" |\n");
        }
        md.append("| **").append(messages.get("header.total")).append("** | **").append(report.score()).append('/')
                .append(report.maxScore()).append("** | |\n");
        if (report.hasHarnessErrors()) {
            md.append("\n> ").append(messages.get("harness.errors")).append('\n');
        }
        List<TestOutcome> failed = report.outcomes().stream()
                .filter(o -> o.verdict() == Verdict.FAIL && (showHidden || o.visibility() == Visibility.PUBLIC)).toList();
        if (!failed.isEmpty()) {
            md.append("\n### ").append(messages.get("summary.failures")).append("\n");
            for (TestOutcome outcome : failed) {
                md.append("\n<details><summary><b>").append(HtmlReport.escape(outcome.clause())).append("</b> ")
                        .append(HtmlReport.escape(outcome.title().in(lang))).append(" (0/").append(outcome.points())
                        .append(")</summary>\n\n```text\n")
                        .append(FailureText.full(outcome, lang, messages, showHidden).replace("```", "'''"))
                        .append("```\n</details>\n");
            }
        }
        List<TestOutcome> measured = report.outcomes().stream()
                .filter(o -> o.verdict() == Verdict.INFO && o.detail() != null
                        && (showHidden || o.visibility() == Visibility.PUBLIC)).toList();
        if (!measured.isEmpty()) {
            md.append("\n### ").append(messages.get("summary.measurements")).append("\n");
            for (TestOutcome outcome : measured) {
                md.append("\n**").append(HtmlReport.escape(outcome.clause())).append("** ")
                        .append(HtmlReport.escape(outcome.title().in(lang))).append("\n\n```text\n")
                        .append(outcome.detail().actual().in(lang).replace("```", "'''")).append("\n```\n");
            }
        }
        List<TestOutcome> hidden = report.outcomes().stream().filter(o -> o.visibility() == Visibility.HIDDEN).toList();
        if (!hidden.isEmpty()) {
            md.append('\n').append(messages.format("summary.hidden", hidden.size(),
                    hidden.stream().mapToInt(TestOutcome::points).sum())).append('\n');
        }
        try {
            Files.writeString(file, md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private String counts(Map<Verdict, Long> counts) {
        return counts.entrySet().stream().map(e -> messages.verdict(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
