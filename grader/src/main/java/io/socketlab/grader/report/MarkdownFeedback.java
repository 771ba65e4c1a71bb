package io.socketlab.grader.report;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GraderEdition;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.model.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A run as a student reads it in Markdown: the total on the first line, the score table, then each public failure's
 * facts in a collapsible block, the measurements and the hidden tests' count. The same text is the GitHub job summary
 * ({@code summary.md}) and Classroom 50's release body; each place accepts a bounded size, so the text is kept
 * within {@code maxBytes} of UTF-8: the table always, then whole failure blocks while they fit, then a line saying
 * how many were left out and where to read them.
 */
final class MarkdownFeedback {

    /** One block is never longer than this, so one program's flood of output cannot push out every other failure. */
    static final int MAX_BLOCK_BYTES = 16 * 1024;
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private final Lang lang;
    private final Messages messages;
    private final boolean showHidden;
    private final GraderEdition edition;

    MarkdownFeedback(Lang lang, boolean showHidden, GraderEdition edition) {
        this.lang = lang;
        this.messages = new Messages(lang);
        this.showHidden = showHidden;
        this.edition = edition;
    }

    String render(GradeReport report, int maxBytes) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(messages.get("summary.title")).append(": ")
                .append(report.score()).append('/').append(report.maxScore()).append("\n\n");
        if (edition == GraderEdition.PUBLIC) {
            md.append("> ").append(messages.get("edition.public")).append("\n\n");
        }
        md.append(table(report));
        if (report.hasHarnessErrors()) {
            md.append("\n> ").append(messages.get("harness.errors")).append('\n');
        }
        List<String> blocks = new ArrayList<>();
        List<TestOutcome> failed = report.outcomes().stream()
                .filter(o -> o.verdict() == Verdict.FAIL && (showHidden || o.visibility() == Visibility.PUBLIC)).toList();
        for (int i = 0; i < failed.size(); i++) {
            blocks.add((i == 0 ? "\n### " + messages.get("summary.failures") + "\n" : "") + failure(failed.get(i)));
        }
        List<TestOutcome> measured = report.outcomes().stream()
                .filter(o -> o.verdict() == Verdict.INFO && o.detail() != null
                        && (showHidden || o.visibility() == Visibility.PUBLIC)).toList();
        for (int i = 0; i < measured.size(); i++) {
            blocks.add((i == 0 ? "\n### " + messages.get("summary.measurements") + "\n" : "") + measurement(measured.get(i)));
        }
        List<TestOutcome> hidden = report.outcomes().stream().filter(o -> o.visibility() == Visibility.HIDDEN).toList();
        String tail = hidden.isEmpty() ? "" : "\n" + messages.format("summary.hidden", hidden.size(),
                hidden.stream().mapToInt(TestOutcome::points).sum()) + "\n";
        // Room for the tail and for the note that says what was left out, whatever its count.
        String worstNote = "\n> " + messages.format("summary.cut", blocks.size()) + "\n";
        int budget = maxBytes - ReportFiles.utf8Length(md) - ReportFiles.utf8Length(tail) - ReportFiles.utf8Length(worstNote);
        int kept = 0;
        for (String block : blocks) {
            int size = ReportFiles.utf8Length(block);
            if (size > budget) {
                break;
            }
            md.append(block);
            budget -= size;
            kept++;
        }
        if (kept < blocks.size()) {
            md.append("\n> ").append(messages.format("summary.cut", blocks.size() - kept)).append('\n');
        }
        md.append(tail);
        return ReportFiles.cut(md.toString(), maxBytes, "");
    }

    private String table(GradeReport report) {
        StringBuilder md = new StringBuilder();
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
        return md.toString();
    }

    private String failure(TestOutcome outcome) {
        String head = "\n<details><summary><b>" + HtmlReport.escape(outcome.clause()) + "</b> "
                + HtmlReport.escape(outcome.title().in(lang)) + " (0/" + outcome.points() + ")</summary>\n\n";
        String body = FailureText.full(outcome, lang, messages, showHidden);
        String fence = fenceFor(body);
        String foot = fence + "\n</details>\n";
        String note = "\n" + messages.get("summary.block.cut") + "\n";
        int room = MAX_BLOCK_BYTES - ReportFiles.utf8Length(head) - ReportFiles.utf8Length(foot) - 2 * fence.length();
        body = ReportFiles.cut(body, room, note);
        return head + fence + "text\n" + body + (body.endsWith("\n") ? "" : "\n") + foot;
    }

    private String measurement(TestOutcome outcome) {
        String text = ReportFiles.cut(outcome.detail().actual().in(lang), MAX_BLOCK_BYTES / 2,
                "\n" + messages.get("summary.block.cut"));
        String fence = fenceFor(text);
        return "\n**" + HtmlReport.escape(outcome.clause()) + "** " + HtmlReport.escape(outcome.title().in(lang))
                + "\n\n" + fence + "text\n" + text + "\n" + fence + "\n";
    }

    /** A backtick fence longer than any run of backticks in {@code text}, so a program's output cannot close it. */
    static String fenceFor(String text) {
        int longest = 0;
        Matcher run = BACKTICKS.matcher(text);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    private String counts(Map<Verdict, Long> counts) {
        return counts.entrySet().stream().map(e -> messages.verdict(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
