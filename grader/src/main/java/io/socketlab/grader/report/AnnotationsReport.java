package io.socketlab.grader.report;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.model.Visibility;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code annotations.txt}: GitHub workflow commands, one {@code ::error} per failed test with its clause, title,
 * points and facts (expected, got, hint, spec), and a {@code ::warning} when the harness failed. The grade workflow
 * prints the file, and GitHub shows each line as an annotation on the run. It is always written, empty when
 * nothing failed.
 *
 * <p>GitHub shows at most {@value #MAX_ERRORS} error annotations per step, so past that the last one counts the
 * rest. Values are escaped as GitHub's own toolkit does: {@code %}, CR and LF in messages; also {@code :} and
 * {@code ,} in properties, where they would end the property.
 */
public final class AnnotationsReport implements GradingListener {

    public static final String FILE = "annotations.txt";
    static final int MAX_ERRORS = 10;
    /** An annotation is a line of the log; its facts are short, but a program's output quoted in them may not be. */
    static final int MAX_MESSAGE_BYTES = 4096;

    private final Path file;
    private final Lang lang;
    private final Messages messages;
    private final boolean showHidden;

    /** @param showHidden include hidden tests' details (an instructor's run) */
    public AnnotationsReport(Path dir, Lang lang, boolean showHidden) {
        this.file = dir.resolve(FILE);
        this.lang = lang;
        this.messages = new Messages(lang);
        this.showHidden = showHidden;
    }

    @Override
    public void sessionFinished(GradeReport report) {
        StringBuilder out = new StringBuilder();
        List<TestOutcome> failed = report.outcomes().stream().filter(o -> o.verdict() == Verdict.FAIL).toList();
        for (int i = 0; i < failed.size(); i++) {
            if (i == MAX_ERRORS - 1 && failed.size() > MAX_ERRORS) {
                String more = messages.format("annotations.more", failed.size() - i);
                out.append(command("error", "SocketLab", more));
                break;
            }
            TestOutcome outcome = failed.get(i);
            String title = outcome.clause() + " " + outcome.title().in(lang)
                    + " (" + outcome.exercise() + " " + outcome.program().id() + ", 0/" + outcome.points() + ")";
            // Facts only: the transcript is in the job summary and report.html, too long for an annotation.
            String message = outcome.visibility() == Visibility.HIDDEN && !showHidden
                    ? messages.get("hidden.detail")
                    : FailureText.facts(outcome, lang, messages).stripTrailing();
            out.append(command("error", title, ReportFiles.cut(message, MAX_MESSAGE_BYTES, "\n[...]")));
        }
        if (report.hasHarnessErrors()) {
            out.append(command("warning", "SocketLab", messages.get("harness.errors")));
        }
        ReportFiles.write(file, out);
    }

    /** {@code ::kind title=TITLE::MESSAGE} and a newline, both escaped. */
    static String command(String kind, String title, String message) {
        return "::" + kind + " title=" + escapeProperty(title) + "::" + escapeData(message) + "\n";
    }

    static String escapeData(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String value) {
        return escapeData(value).replace(":", "%3A").replace(",", "%2C");
    }
}
