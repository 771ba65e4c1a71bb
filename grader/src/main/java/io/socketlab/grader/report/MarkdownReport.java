package io.socketlab.grader.report;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GraderEdition;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.Lang;
import java.nio.file.Path;

/**
 * {@code summary.md}: a score table and what to fix, for a GitHub job summary ({@code $GITHUB_STEP_SUMMARY}). GitHub
 * drops a step's summary whole above 1 MiB, so the file stays under {@value #MAX_BYTES} bytes, leaving the workflow
 * room for its own lines.
 */
public final class MarkdownReport implements GradingListener {

    public static final String FILE = "summary.md";
    /** GitHub's limit is 1 MiB per step summary; 64 KiB of it are left for the workflow's own lines. */
    public static final int MAX_BYTES = 1024 * 1024 - 64 * 1024;

    private final Path file;
    private final MarkdownFeedback feedback;

    public MarkdownReport(Path dir, Lang lang) {
        this(dir, lang, false, GraderEdition.FULL);
    }

    /**
     * @param showHidden include hidden tests' details (an instructor's copy)
     * @param edition    which grader ran: a public one says that its score is not the authoritative grade
     */
    public MarkdownReport(Path dir, Lang lang, boolean showHidden, GraderEdition edition) {
        this.file = dir.resolve(FILE);
        this.feedback = new MarkdownFeedback(lang, showHidden, edition);
    }

    @Override
    public void sessionFinished(GradeReport report) {
        ReportFiles.write(file, feedback.render(report, MAX_BYTES));
    }
}
