package io.socketlab.grader.classreport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Small {@code results.json} files in the grader's schema, and a class of four students, for the class report's tests.
 *
 * <pre>
 * student      SOCK-1  SOCK-2   ECHO-1         ECHO-2         score
 * alice        PASS    PASS     PASS           PASS           8/8  100.0 %
 * Smith, Bob   PASS    FAIL     PASS           ERROR          5/7   71.4 %
 * carol        FAIL    BLOCKED  NOT_SUBMITTED  NOT_SUBMITTED  0/8    0.0 %
 * dave         PASS    FAIL     (not graded on echo)          2/4   50.0 %
 * </pre>
 */
public final class SampleResults {

    /** One test as a results file lists it. */
    public record Test(String exercise, String clause, String title, int points, String verdict) {

        int score() {
            return verdict.equals("PASS") ? points : 0;
        }

        int maxScore() {
            return verdict.equals("ERROR") ? 0 : points;
        }
    }

    public static final String BOB = "Smith, Bob";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SampleResults() {
    }

    public static Test sock1(String verdict) {
        return new Test("sockets", "SOCK-1", "says HELLO <name>", 2, verdict);
    }

    public static Test sock2(String verdict) {
        return new Test("sockets", "SOCK-2", "counts UTF-8 bytes, not characters", 2, verdict);
    }

    public static Test echo1(String verdict) {
        return new Test("echo", "ECHO-1", "echoes each line", 3, verdict);
    }

    public static Test echo2(String verdict) {
        return new Test("echo", "ECHO-2", "answers \"BYE\"", 1, verdict);
    }

    /** The four students of the class, each in {@code dir/<name>/results.json}; carol's file lists echo first. */
    public static Path writeClass(Path dir) throws IOException {
        write(dir.resolve("alice/results.json"), sock1("PASS"), sock2("PASS"), echo1("PASS"), echo2("PASS"));
        write(dir.resolve(BOB + "/results.json"), sock1("PASS"), sock2("FAIL"), echo1("PASS"), echo2("ERROR"));
        write(dir.resolve("carol/results.json"),
                echo1("NOT_SUBMITTED"), echo2("NOT_SUBMITTED"), sock1("FAIL"), sock2("BLOCKED"));
        write(dir.resolve("dave/results.json"), sock1("PASS"), sock2("FAIL"));
        return dir;
    }

    /** A results file with these tests, its totals added up the way the grader does. */
    public static Path write(Path file, Test... tests) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("score", List.of(tests).stream().mapToInt(Test::score).sum());
        root.put("max_score", List.of(tests).stream().mapToInt(Test::maxScore).sum());
        root.put("execution_time", 3);
        root.put("target", "reference");
        root.put("seed", 42);
        var array = root.putArray("tests");
        for (int i = 0; i < tests.length; i++) {
            Test test = tests[i];
            ObjectNode node = array.addObject();
            node.put("name", test.clause() + " " + test.title());
            node.put("number", Integer.toString(i + 1));
            node.put("score", test.score());
            node.put("max_score", test.maxScore());
            node.put("status", test.verdict().equals("PASS") ? "passed" : "failed");
            node.put("output", "");
            node.put("visibility", "visible");
            node.putArray("tags").add(test.exercise()).add("server").add(test.clause()).add("must");
            node.put("verdict", test.verdict());
            node.put("exercise", test.exercise());
            node.put("program", "server");
            node.put("clause", test.clause());
            node.put("level", "MUST");
            if (test.verdict().equals("FAIL")) {
                node.put("failure_kind", "WRONG_OUTPUT");
            }
            node.put("flaky", false);
            node.put("duration_ms", 10 + i);
        }
        Files.createDirectories(file.getParent());
        MAPPER.writeValue(file.toFile(), root);
        return file;
    }
}
