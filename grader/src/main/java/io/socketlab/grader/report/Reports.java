package io.socketlab.grader.report;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GraderEdition;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.TestOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one place where every report format is wired: the console, and the files one run writes to its folder. */
public final class Reports implements GradingListener {

    private final List<GradingListener> formats;

    private Reports(List<GradingListener> formats) {
        this.formats = List.copyOf(formats);
    }

    /**
     * The console report on {@code console}, and, when {@code dir} is given, {@code results.json},
     * {@code junit.xml}, {@code summary.md}, {@code report.html}, {@code annotations.txt} and
     * {@code classroom50/result.json} with {@code classroom50/release-body.md} in it. Hidden tests show their details
     * only when {@code showHidden} (never in Classroom 50's files, which students read).
     */
    public static Reports standard(PrintWriter console, Path dir, Lang lang) {
        return standard(console, dir, lang, false);
    }

    /** As above, with Classroom 50's identity from this process's environment and this grader's edition. */
    public static Reports standard(PrintWriter console, Path dir, Lang lang, boolean showHidden) {
        return standard(console, dir, lang, showHidden, SpecLinks.relative(dir, Optional.empty()));
    }

    /** As above, with report.html linking each clause as {@code specLinks} says. */
    public static Reports standard(PrintWriter console, Path dir, Lang lang, boolean showHidden, SpecLinks specLinks) {
        return standard(console, dir, lang, showHidden, specLinks, System.getenv(), GraderEdition.current());
    }

    /** @param env where Classroom 50's runner puts the submission's identity (see {@link Classroom50Identity}) */
    public static Reports standard(PrintWriter console, Path dir, Lang lang, boolean showHidden, SpecLinks specLinks,
                                   Map<String, String> env, GraderEdition edition) {
        List<GradingListener> formats = new ArrayList<>();
        formats.add(new ConsoleReport(console, lang, showHidden));
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the report folder " + dir, e);
            }
            formats.add(new ResultsJsonReport(dir, lang, showHidden, edition));
            formats.add(new JUnitXmlReport(dir, lang, showHidden));
            formats.add(new MarkdownReport(dir, lang, showHidden, edition));
            formats.add(new HtmlReport(dir, lang, showHidden, specLinks));
            formats.add(new AnnotationsReport(dir, lang, showHidden));
            formats.add(new Classroom50Report(dir, lang, Classroom50Identity.from(env, Instant.now()), edition));
        }
        return new Reports(formats);
    }

    @Override
    public void sessionStarted(String target, List<String> exercises, long seed) {
        formats.forEach(f -> f.sessionStarted(target, exercises, seed));
    }

    @Override
    public void testFinished(TestOutcome outcome) {
        formats.forEach(f -> f.testFinished(outcome));
    }

    @Override
    public void sessionFinished(GradeReport report) {
        formats.forEach(f -> f.sessionFinished(report));
    }
}
