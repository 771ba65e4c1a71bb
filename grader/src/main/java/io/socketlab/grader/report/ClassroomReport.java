package io.socketlab.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code classroom.json}: the runner output GitHub Classroom's grading reporter reads (base64-encoded by the
 * workflow into {@code <RUNNER>_RESULTS}), so Classroom shows "Points x/y". The reporter adds up each test's
 * {@code score} against {@code max_score}.
 */
public final class ClassroomReport implements GradingListener {

    public static final String FILE = "classroom.json";

    private final Path file;
    private final Lang lang;
    private final Messages messages;
    private final ObjectMapper mapper = new ObjectMapper();

    public ClassroomReport(Path dir, Lang lang) {
        this.file = dir.resolve(FILE);
        this.lang = lang;
        this.messages = new Messages(lang);
    }

    @Override
    public void sessionFinished(GradeReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("version", 1);
        root.put("status", report.hasHarnessErrors() ? "error" : report.fullMarks() ? "pass" : "fail");
        root.put("max_score", report.maxScore());
        ArrayNode tests = root.putArray("tests");
        for (TestOutcome outcome : report.outcomes()) {
            ObjectNode test = tests.addObject();
            test.put("name", outcome.exercise() + " " + outcome.clause() + " " + outcome.title().in(lang));
            test.put("status", switch (outcome.verdict()) {
                case PASS, INFO -> "pass";
                case ERROR -> "error";
                default -> "fail";
            });
            test.put("score", outcome.score());
            test.put("message", outcome.verdict() == Verdict.PASS ? "" : FailureText.full(outcome, lang, messages, false));
            test.put("duration", outcome.duration().toMillis());
        }
        try {
            mapper.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
