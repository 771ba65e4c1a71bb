package io.socketlab.grader.classreport;

import static io.socketlab.grader.classreport.ClassReportWriter.oneDecimal;

import io.socketlab.grader.classreport.ClassReport.ClauseRate;
import io.socketlab.grader.classreport.ClassReport.ExerciseAverage;
import io.socketlab.grader.classreport.ClassReport.Student;
import io.socketlab.grader.classreport.ClassReport.TestRate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * {@code class.html}: the class report as one self-contained page (inline style and histogram, no scripts, nothing
 * fetched): the scores, each student's commit and how their regrade ended, the exercises, the clauses and tests
 * the class found hardest, and the most similar submissions.
 */
final class ClassPage {

    /** No {@code <} or {@code &} in here, so that the page stays well-formed XML as well as HTML. */
    private static final String STYLE = """
            :root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0;
              --card: #f6f8fa; }
            @media (prefers-color-scheme: dark) {
              :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --card: #151b23; } }
            body { margin: 0 auto; max-width: 72rem; padding: 1rem; color: var(--fg); background: var(--bg);
              font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: break-word; }
            h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
            table { width: 100%; border-collapse: collapse; }
            th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
            .num, .key { text-align: right; white-space: nowrap; } .key { text-align: left; }
            code { font: .85rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
            .s-graded { color: #1a7f37; } .s-build-failed, .s-no-submission { color: #cf222e; }
            .s-no-repository, .s-grading-failed { color: #8250df; }
            .muted { color: var(--muted); font-size: .9rem; }
            img { max-width: 100%; background: #ffffff; }
            """;

    private ClassPage() {
    }

    static String html(ClassReport report, byte[] histogramPng) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>Class report</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>Class report</h1>\n");
        html.append("<table><thead><tr><th class=\"num\">students</th><th class=\"num\">mean</th>")
                .append("<th class=\"num\">median</th><th class=\"num\">min</th><th class=\"num\">max</th></tr></thead>")
                .append("<tbody><tr>").append(num(Integer.toString(report.students().size())))
                .append(num(oneDecimal(report.meanPercent()) + " %")).append(num(oneDecimal(report.medianPercent()) + " %"))
                .append(num(oneDecimal(report.minPercent()) + " %")).append(num(oneDecimal(report.maxPercent()) + " %"))
                .append("</tr></tbody></table>\n");
        html.append("<p><img alt=\"histogram of the class's scores\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(histogramPng)).append("\"/></p>\n");
        students(report, html);
        exercises(report, html);
        clauses(report, html);
        tests(report, html);
        similarity(report, html);
        return html.append("</body>\n</html>\n").toString();
    }

    private static void students(ClassReport report, StringBuilder html) {
        html.append("<h2>Students</h2>\n<table><thead><tr><th>student</th><th class=\"num\">score</th>")
                .append("<th class=\"num\">percent</th>");
        if (report.fromRegrade()) {
            Map<Submission.Status, Integer> counts = RegradeSections.statusCounts(report);
            html.append("<th>status</th><th>commit</th><th>notes</th>");
            StringBuilder caption = new StringBuilder();
            counts.forEach((status, count) -> caption.append(caption.isEmpty() ? "" : ", ").append(count).append(' ')
                    .append(status.label()));
            html.insert(html.lastIndexOf("<table>") + "<table>".length(),
                    "<caption class=\"muted\">" + escape(caption.toString()) + "</caption>");
        }
        html.append("</tr></thead><tbody>\n");
        for (Student student : report.students()) {
            html.append("<tr><td class=\"key\">").append(escape(student.name())).append("</td>")
                    .append(num(student.score() + " / " + student.maxScore()))
                    .append(num(oneDecimal(student.percent()) + " %"));
            if (report.fromRegrade()) {
                Optional<Submission> submission = report.submission(student.name());
                html.append("<td class=\"key s-").append(submission.map(s -> s.status().label().replace(' ', '-'))
                                .orElse("")).append("\">").append(escape(submission.map(s -> s.status().label()).orElse(""))).append("</td>")
                        .append("<td class=\"key\"><code title=\"").append(escape(submission.map(Submission::commit).orElse("")))
                        .append("\">").append(escape(submission.map(Submission::shortCommit).orElse(""))).append("</code>")
                        .append(submission.filter(s -> !s.committedAt().isEmpty())
                                .map(s -> "<br/><span class=\"muted\">" + escape(s.pushedAt().isEmpty()
                                        ? "dated " + s.committedAt() : "pushed " + s.pushedAt()) + "</span>")
                                .orElse(""))
                        .append("</td><td>").append(escape(submission.map(RegradeSections::notes).orElse("")))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void exercises(ClassReport report, StringBuilder html) {
        html.append("<h2>Exercises</h2>\n<table><thead><tr><th>exercise</th><th class=\"num\">mean score</th>")
                .append("<th class=\"num\">max score</th><th class=\"num\">mean</th><th class=\"num\">students</th>")
                .append("</tr></thead><tbody>\n");
        for (ExerciseAverage average : report.exerciseAverages()) {
            html.append("<tr><td>").append(escape(average.exercise())).append("</td>")
                    .append(num(oneDecimal(average.meanScore()))).append(num(Integer.toString(average.maxScore())))
                    .append(num(oneDecimal(average.meanPercent()) + " %")).append(num(Integer.toString(average.students())))
                    .append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void clauses(ClassReport report, StringBuilder html) {
        html.append("<h2>Clauses, hardest first</h2>\n<table><thead><tr><th>exercise</th><th>clause</th>")
                .append("<th class=\"num\">passed whole</th><th class=\"num\">students</th>")
                .append("<th class=\"num\">points earned</th></tr></thead><tbody>\n");
        for (ClauseRate clause : report.clauseRates()) {
            html.append("<tr><td>").append(escape(clause.exercise())).append("</td><td>").append(escape(clause.clause()))
                    .append("</td>").append(num(oneDecimal(clause.passRate()) + " %"))
                    .append(num(Integer.toString(clause.students()))).append(num(oneDecimal(clause.pointsRate()) + " %"))
                    .append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void tests(ClassReport report, StringBuilder html) {
        html.append("<h2>Hardest tests</h2>\n<table><thead><tr><th>exercise</th><th>test</th>")
                .append("<th class=\"num\">pass rate</th><th class=\"num\">students</th></tr></thead><tbody>\n");
        for (TestRate test : report.testRates().stream().limit(ClassReportWriter.HARDEST_TESTS).toList()) {
            html.append("<tr><td>").append(escape(test.exercise())).append("</td><td>").append(escape(test.name()))
                    .append("</td>").append(num(oneDecimal(test.passRate()) + " %"))
                    .append(num(Integer.toString(test.students()))).append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void similarity(ClassReport report, StringBuilder html) {
        report.similarity().ifPresent(similarity -> {
            html.append("<h2>Similarity</h2>\n<p>").append(escape(similarity.note())).append("</p>\n");
            if (!similarity.pairs().isEmpty()) {
                html.append("<table><thead><tr><th>students</th><th class=\"num\">average</th>")
                        .append("<th class=\"num\">maximum</th></tr></thead><tbody>\n");
                for (Similarity.Pair pair : similarity.pairs().stream().limit(RegradeSections.SIMILAR_PAIRS).toList()) {
                    html.append("<tr><td>").append(escape(pair.first())).append(" and ").append(escape(pair.second()))
                            .append("</td>").append(num(oneDecimal(pair.averagePercent()) + " %"))
                            .append(num(oneDecimal(pair.maximumPercent()) + " %")).append("</tr>\n");
                }
                html.append("</tbody></table>\n");
            }
            if (!similarity.report().isEmpty()) {
                html.append("<p>JPlag's own report, with the matching lines side by side: <a href=\"")
                        .append(escape(similarity.report())).append("\">").append(escape(similarity.report()))
                        .append("</a> (open it in JPlag's report viewer).</p>\n");
            }
        });
    }

    private static String num(String text) {
        return "<td class=\"num\">" + escape(text) + "</td>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
