package io.socketlab.grader.report;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.model.Visibility;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Live progress, one line per test as it ends (with the failure's facts), then a score table per exercise. */
public final class ConsoleReport implements GradingListener {

    private final PrintWriter out;
    private final Lang lang;
    private final Messages messages;
    private final boolean showHidden;

    public ConsoleReport(PrintWriter out, Lang lang) {
        this(out, lang, false);
    }

    /** @param showHidden include hidden tests' details (an instructor's view) */
    public ConsoleReport(PrintWriter out, Lang lang, boolean showHidden) {
        this.out = out;
        this.lang = lang;
        this.messages = new Messages(lang);
        this.showHidden = showHidden;
    }

    @Override
    public void sessionStarted(String target, List<String> exercises, long seed) {
        out.println(messages.format("header.grading", target, String.join(", ", exercises), seed));
        out.flush();
    }

    @Override
    public synchronized void testFinished(TestOutcome outcome) {
        out.printf(Locale.ROOT, "  %-13s %-8s %-7s %-60s %3d/%-3d %6.2f s%n",
                messages.verdict(outcome.verdict()), outcome.program().id(), outcome.clause(),
                cut(outcome.title().in(lang), 60), outcome.score(), outcome.points(),
                outcome.duration().toMillis() / 1000.0);
        if (outcome.verdict() == Verdict.FAIL || outcome.verdict() == Verdict.ERROR
                || (outcome.verdict() == Verdict.INFO && outcome.detail() != null)) {
            String body = outcome.visibility() == Visibility.HIDDEN && !showHidden
                    ? messages.get("hidden.detail") + "\n"
                    : FailureText.facts(outcome, lang, messages) + transcript(outcome);
            body.lines().forEach(l -> out.println("      " + l));
        }
        out.flush();
    }

    private String transcript(TestOutcome outcome) {
        if (outcome.transcript().isBlank()) {
            return "";
        }
        List<String> lines = outcome.transcript().lines().toList();
        List<String> last = lines.subList(Math.max(0, lines.size() - 12), lines.size());
        return messages.get("label.transcript") + ":\n" + last.stream().map(l -> "  " + l + "\n").collect(Collectors.joining());
    }

    @Override
    public void sessionFinished(GradeReport report) {
        out.println();
        out.printf(Locale.ROOT, "%-15s %9s   %s%n", messages.get("header.exercise"), messages.get("header.score"),
                messages.get("header.tests"));
        for (String exercise : report.exercises()) {
            List<TestOutcome> outcomes = report.outcomesOf(exercise);
            int score = outcomes.stream().mapToInt(TestOutcome::score).sum();
            int max = outcomes.stream().mapToInt(TestOutcome::maxScore).sum();
            out.printf(Locale.ROOT, "%-15s %9s   %s%n", exercise, score + "/" + max, counts(report.verdictCounts(exercise)));
        }
        out.printf(Locale.ROOT, "%-15s %9s   (%.1f s)%n", messages.get("header.total"),
                report.score() + "/" + report.maxScore(), report.executionTime().toMillis() / 1000.0);
        if (report.hasHarnessErrors()) {
            out.println(messages.get("harness.errors"));
        }
        out.flush();
    }

    private String counts(Map<Verdict, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> messages.verdict(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
