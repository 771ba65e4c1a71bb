package io.socketlab.grader.report;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.Image;
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
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code report.html}: one self-contained page (inline CSS, no scripts, nothing fetched) for a browser or a phone,
 * with the score per exercise and every test with its verdict, clause, points, facts and transcript.
 */
public final class HtmlReport implements GradingListener {

    public static final String FILE = "report.html";

    /** No {@code <} or {@code &} in here, so that the page stays well-formed XML as well as HTML. */
    private static final String STYLE = """
            :root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0;
              --card: #f6f8fa; }
            @media (prefers-color-scheme: dark) {
              :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --card: #151b23; } }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 60rem; padding: 1rem; color: var(--fg); background: var(--bg);
              font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere; }
            h1 { font-size: 1.4rem; margin: 0 0 1rem; }
            h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
            a { color: inherit; }
            table { width: 100%; border-collapse: collapse; }
            th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
            .num { text-align: right; white-space: nowrap; }
            tfoot th { border-bottom: 0; }
            .v-pass { --verdict: #1a7f37; } .v-fail { --verdict: #cf222e; } .v-blocked { --verdict: #9a6700; }
            .v-not-submitted { --verdict: #6e7781; } .v-error { --verdict: #8250df; } .v-info { --verdict: #0969da; }
            .badge { display: inline-block; padding: 0 .45rem; border-radius: .3rem; background: var(--verdict);
              color: #ffffff; font-size: .8rem; font-weight: 600; white-space: nowrap; margin: .1rem 0; }
            .note { border-left: .3rem solid #9a6700; padding: .3rem .7rem; background: var(--card); }
            ol.tests { list-style: none; padding: 0; margin: 0; }
            .test { margin: .6rem 0; padding: .6rem .8rem; background: var(--card); border: 1px solid var(--line);
              border-left: .35rem solid var(--verdict); border-radius: .4rem; }
            .meta { display: flex; flex-wrap: wrap; align-items: center; gap: .2rem .9rem; font-size: .9rem;
              color: var(--muted); }
            .meta .clause { font-weight: 600; color: var(--fg); }
            .test p { margin: .3rem 0; }
            .muted { color: var(--muted); font-size: .9rem; }
            figure { margin: .4rem 0; }
            figure img { max-width: 100%; min-width: 8rem; image-rendering: pixelated; border: 1px solid var(--line); }
            figcaption { font-size: .85rem; color: var(--muted); }
            pre { margin: .3rem 0; padding: .5rem .7rem; overflow-x: auto; background: var(--bg);
              border: 1px solid var(--line); border-radius: .3rem;
              font: .85rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
            pre.facts { white-space: pre-wrap; }
            summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
            footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid var(--line); }
            """;

    private final Path file;
    private final Lang lang;
    private final Messages messages;
    private final boolean showHidden;
    private final SpecLinks specLinks;

    public HtmlReport(Path dir, Lang lang) {
        this(dir, lang, false);
    }

    /** @param showHidden include hidden tests' details (an instructor's copy) */
    public HtmlReport(Path dir, Lang lang, boolean showHidden) {
        this(dir, lang, showHidden, SpecLinks.relative(dir, Optional.empty()));
    }

    /** @param specLinks where each clause links to */
    public HtmlReport(Path dir, Lang lang, boolean showHidden, SpecLinks specLinks) {
        this.file = dir.resolve(FILE);
        this.lang = lang;
        this.messages = new Messages(lang);
        this.showHidden = showHidden;
        this.specLinks = specLinks;
    }

    @Override
    public void sessionFinished(GradeReport report) {
        String title = messages.format("html.title", report.target(), report.score(), report.maxScore());
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(lang.name().toLowerCase(Locale.ROOT)).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n");
        scoreTable(html, report);
        for (String exercise : report.exercises()) {
            exercise(html, report, exercise);
        }
        html.append("<footer class=\"muted\">").append(escape(messages.format("html.footer", report.target(),
                report.seed(), report.executionTime().toMillis() / 1000.0))).append("</footer>\n</body>\n</html>\n");
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void scoreTable(StringBuilder html, GradeReport report) {
        html.append("<table>\n<thead><tr><th>").append(escape(messages.get("header.exercise")))
                .append("</th><th class=\"num\">").append(escape(messages.get("header.score")))
                .append("</th><th>").append(escape(messages.get("header.tests"))).append("</th></tr></thead>\n<tbody>\n");
        for (String exercise : report.exercises()) {
            List<TestOutcome> outcomes = report.outcomesOf(exercise);
            html.append("<tr><td><a href=\"#").append(escape(exercise)).append("\">").append(escape(exercise))
                    .append("</a></td><td class=\"num\">").append(fraction(outcomes)).append("</td><td>");
            for (Map.Entry<Verdict, Long> count : report.verdictCounts(exercise).entrySet()) {
                html.append(badge(count.getKey(), messages.verdict(count.getKey()) + " " + count.getValue())).append(' ');
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n<tfoot><tr><th>").append(escape(messages.get("header.total")))
                .append("</th><th class=\"num\">").append(report.score()).append('/').append(report.maxScore())
                .append("</th><th></th></tr></tfoot>\n</table>\n");
        if (report.hasHarnessErrors()) {
            html.append("<p class=\"note\">").append(escape(messages.get("harness.errors"))).append("</p>\n");
        }
        List<TestOutcome> hidden = report.outcomes().stream().filter(o -> o.visibility() == Visibility.HIDDEN).toList();
        if (!hidden.isEmpty()) {
            html.append("<p class=\"muted\">").append(escape(messages.format("summary.hidden", hidden.size(),
                    hidden.stream().mapToInt(TestOutcome::points).sum()))).append("</p>\n");
        }
    }

    private void exercise(StringBuilder html, GradeReport report, String exercise) {
        List<TestOutcome> outcomes = report.outcomesOf(exercise);
        html.append("<section>\n<h2 id=\"").append(escape(exercise)).append("\">").append(escape(exercise))
                .append(" <span class=\"muted\">").append(fraction(outcomes)).append("</span></h2>\n")
                .append("<ol class=\"tests\">\n");
        outcomes.forEach(outcome -> test(html, outcome));
        html.append("</ol>\n</section>\n");
    }

    /** One card: verdict, clause, program and points on a line, the title, then what went wrong. */
    private void test(StringBuilder html, TestOutcome outcome) {
        html.append("<li class=\"test ").append(verdictClass(outcome.verdict())).append("\">\n<div class=\"meta\">")
                .append(badge(outcome.verdict(), messages.verdict(outcome.verdict())))
                .append("<a class=\"clause\" href=\"").append(escape(specLinks.link(outcome, lang))).append("\">")
                .append(escape(outcome.clause())).append("</a>")
                .append("<span>").append(escape(messages.get("header.program"))).append(": ")
                .append(escape(outcome.program().id())).append("</span>")
                .append("<span>").append(escape(messages.get("header.points"))).append(": ")
                .append(outcome.score()).append('/').append(outcome.points()).append("</span>");
        if (outcome.visibility() == Visibility.HIDDEN) {
            html.append("<span>").append(escape(messages.get("label.hidden"))).append("</span>");
        }
        html.append("</div>\n<p>").append(escape(outcome.title().in(lang))).append("</p>\n");
        if (outcome.verdict() != Verdict.PASS) {
            if (outcome.visibility() == Visibility.HIDDEN && !showHidden) {
                html.append("<p class=\"muted\">").append(escape(messages.get("hidden.detail"))).append("</p>\n");
            } else {
                String facts = FailureText.facts(outcome, lang, messages);
                if (!facts.isBlank()) {
                    html.append("<pre class=\"facts\">").append(escape(facts)).append("</pre>\n");
                }
                if (outcome.verdict() == Verdict.FAIL) {
                    collapsible(html, messages.get("label.transcript"), messages.get("html.transcript.legend"),
                            outcome.transcript());
                    collapsible(html, messages.get("label.output"), messages.get("html.output.legend"), outcome.log());
                }
            }
        }
        if (outcome.visibility() != Visibility.HIDDEN || showHidden) {
            images(html, outcome);
        }
        if (outcome.flaky()) {
            html.append("<p class=\"muted\">").append(escape(messages.get("flaky"))).append("</p>\n");
        }
        html.append("</li>\n");
    }

    /** The pictures a test attached (a frame the program wrote), embedded as data URIs: the page stays one file. */
    private void images(StringBuilder html, TestOutcome outcome) {
        for (Image image : outcome.images()) {
            String caption = escape(image.caption().in(lang));
            html.append("<figure><img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(image.png())).append("\" alt=\"").append(caption)
                    .append("\" /><figcaption>").append(caption).append("</figcaption></figure>\n");
        }
    }

    /** A folded section: its label, a line saying how to read it, and the text. */
    private static void collapsible(StringBuilder html, String label, String legend, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        html.append("<details><summary>").append(escape(label)).append("</summary><p class=\"muted\">")
                .append(escape(legend)).append("</p><pre>").append(escape(body)).append("</pre></details>\n");
    }

    private static String badge(Verdict verdict, String text) {
        return "<span class=\"badge " + verdictClass(verdict) + "\">" + escape(text) + "</span>";
    }

    private static String verdictClass(Verdict verdict) {
        return "v-" + verdict.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String fraction(List<TestOutcome> outcomes) {
        return outcomes.stream().mapToInt(TestOutcome::score).sum() + "/"
                + outcomes.stream().mapToInt(TestOutcome::maxScore).sum();
    }

    /** Escapes text for an element or a double- or single-quoted attribute: student output may hold markup. */
    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
