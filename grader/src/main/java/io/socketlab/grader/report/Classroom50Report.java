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
 * Classroom 50's result contract ({@code classroom50/result/v1}): {@code classroom50/result.json} and the student's
 * feedback as {@code classroom50/release-body.md}, which the autograder copies to the student's checkout for the
 * runner to publish as the submission's release.
 *
 * <p>Each test is one entry with the contract's {@code test-name}, {@code passed}, {@code score} and
 * {@code max-score} (integers, and their sums are the totals) and our own {@code exercise}, {@code program},
 * {@code clause}, {@code verdict} and {@code message}. The contract has no visibility: a hidden test's entry says
 * only that it is hidden, its points and whether it passed. A run with a harness error takes the contract's error
 * path: no tests and 0/0, with the release body saying why (the autograder also sets {@code status=error}).
 */
public final class Classroom50Report implements GradingListener {

    public static final String DIR = "classroom50";
    public static final String RESULT = "result.json";
    public static final String RELEASE_BODY = "release-body.md";
    public static final String SCHEMA = "classroom50/result/v1";
    /** GitHub refuses a release body over 125,000 characters; bytes are never fewer, and a margin is kept. */
    public static final int MAX_RELEASE_BODY_BYTES = 120_000;
    /** A test entry's message holds facts only (the transcript is in the release body); bounded all the same. */
    static final int MAX_MESSAGE_BYTES = 4096;

    private final Path dir;
    private final Lang lang;
    private final Messages messages;
    private final Classroom50Identity identity;
    private final MarkdownFeedback feedback;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** @param dir the run's report folder; the files go to its {@value #DIR} folder */
    public Classroom50Report(Path dir, Lang lang, Classroom50Identity identity, GraderEdition edition) {
        this.dir = dir.resolve(DIR);
        this.lang = lang;
        this.messages = new Messages(lang);
        this.identity = identity;
        // Students read the release: never a hidden test's details, whoever runs the grader.
        this.feedback = new MarkdownFeedback(lang, false, edition);
    }

    @Override
    public void sessionFinished(GradeReport report) {
        boolean error = report.hasHarnessErrors();
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("classroom", identity.classroom());
        root.put("assignment", identity.assignment());
        root.put("assignment_type", identity.assignmentType());
        root.put("owner", identity.owner());
        root.put("submission", identity.submission());
        root.put("commit", identity.commit());
        root.put("release", identity.release());
        root.put("review", identity.review());
        root.put("datetime", Classroom50Identity.format(identity.datetime()));
        root.put("graded_at", Classroom50Identity.format(identity.gradedAt()));
        root.put("score", error ? 0 : report.score());
        root.put("max-score", error ? 0 : report.maxScore());
        ArrayNode tests = root.putArray("tests");
        if (!error) {
            report.outcomes().forEach(outcome -> entry(tests.addObject(), outcome));
        }
        if (identity.submittedBy() != null) {
            ObjectNode by = root.putObject("submitted_by");
            by.put("username", identity.submittedBy());
            if (identity.submittedById() == null) {
                by.putNull("id");
            } else {
                by.put("id", identity.submittedById());
            }
        }
        String body = feedback.render(report, MAX_RELEASE_BODY_BYTES - 1024);
        if (error) {
            body = "> " + messages.get("release.error") + "\n\n" + body;
        }
        try {
            ReportFiles.write(dir.resolve(RESULT), mapper.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(RESULT), e);
        }
        ReportFiles.write(dir.resolve(RELEASE_BODY), body);
    }

    private void entry(ObjectNode test, TestOutcome outcome) {
        test.put("test-name", outcome.exercise() + " " + outcome.program().id() + " " + outcome.clause() + " "
                + outcome.title().in(lang));
        test.put("passed", outcome.verdict() == Verdict.PASS || outcome.verdict() == Verdict.INFO);
        test.put("score", outcome.score());
        test.put("max-score", outcome.maxScore());
        test.put("exercise", outcome.exercise());
        test.put("program", outcome.program().id());
        test.put("clause", outcome.clause());
        test.put("verdict", outcome.verdict().name());
        test.put("visibility", outcome.visibility().name().toLowerCase(Locale.ROOT));
        boolean hidden = outcome.visibility() == Visibility.HIDDEN;
        String message = outcome.verdict() == Verdict.PASS ? ""
                : hidden ? messages.get("hidden.detail")
                : FailureText.facts(outcome, lang, messages).stripTrailing();
        test.put("message", ReportFiles.cut(message, MAX_MESSAGE_BYTES, "\n[...]"));
    }
}
