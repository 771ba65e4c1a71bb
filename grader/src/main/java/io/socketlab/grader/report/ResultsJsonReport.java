package io.socketlab.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GraderEdition;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.model.Visibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code results.json} in Gradescope's autograder schema (score, max_score, execution_time, tests with name,
 * number, score, max_score, status, output, visibility, tags), plus our verdict, exercise and clause per test.
 *
 * <p>A hidden test has Gradescope's visibility {@code hidden}: never shown to students, while the rest of their
 * results and their total stay visible ({@code after_due_date} and {@code after_published} would hide the whole
 * score until then). {@code edition} says which grader ran: {@code public} (public suites only, student-side
 * feedback) or {@code full} (every suite: the authoritative grade).
 */
public final class ResultsJsonReport implements GradingListener {

    public static final String FILE = "results.json";

    private final Path file;
    private final Lang lang;
    private final Messages messages;
    private final boolean showHidden;
    private final GraderEdition edition;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ResultsJsonReport(Path dir, Lang lang) {
        this(dir, lang, false);
    }

    /** @param showHidden include hidden tests' details (an instructor's copy) */
    public ResultsJsonReport(Path dir, Lang lang, boolean showHidden) {
        this(dir, lang, showHidden, GraderEdition.FULL);
    }

    /** @param edition which grader ran, recorded as {@code edition} */
    public ResultsJsonReport(Path dir, Lang lang, boolean showHidden, GraderEdition edition) {
        this.edition = edition;
        this.file = dir.resolve(FILE);
        this.lang = lang;
        this.messages = new Messages(lang);
        this.showHidden = showHidden;
    }

    @Override
    public void sessionFinished(GradeReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("score", report.score());
        root.put("max_score", report.maxScore());
        root.put("execution_time", Math.round(report.executionTime().toMillis() / 1000.0));
        root.put("output", messages.format("final.score", report.score(), report.maxScore())
                + (report.hasHarnessErrors() ? "\n" + messages.get("harness.errors") : ""));
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        root.put("target", report.target());
        root.put("seed", report.seed());
        root.put("edition", edition.name().toLowerCase(Locale.ROOT));
        ArrayNode tests = root.putArray("tests");
        for (TestOutcome outcome : report.outcomes()) {
            ObjectNode test = tests.addObject();
            test.put("name", outcome.clause() + " " + outcome.title().in(lang));
            test.put("number", Integer.toString(outcome.number()));
            test.put("score", outcome.score());
            test.put("max_score", outcome.maxScore());
            test.put("status", outcome.verdict() == Verdict.PASS || outcome.verdict() == Verdict.INFO ? "passed" : "failed");
            test.put("output", FailureText.full(outcome, lang, messages, showHidden)
                    + (outcome.flaky() ? messages.get("flaky") + "\n" : ""));
            test.put("visibility", outcome.visibility() == Visibility.HIDDEN ? "hidden" : "visible");
            ArrayNode tags = test.putArray("tags");
            tags.add(outcome.exercise()).add(outcome.program().id()).add(outcome.clause())
                    .add(outcome.level().name().toLowerCase(Locale.ROOT));
            test.put("verdict", outcome.verdict().name());
            test.put("exercise", outcome.exercise());
            test.put("program", outcome.program().id());
            test.put("clause", outcome.clause());
            test.put("level", outcome.level().name());
            if (outcome.kind() != null) {
                test.put("failure_kind", outcome.kind().name());
            }
            test.put("flaky", outcome.flaky());
            test.put("duration_ms", outcome.duration().toMillis());
        }
        try {
            ReportFiles.write(file, mapper.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
