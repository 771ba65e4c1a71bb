package io.socketlab.grader.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Classroom 50's result contract as a check: our copy of its JSON Schema (test resource
 * {@code contracts/classroom50-result-v1.schema.json}), then the rules its validators enforce in code — the totals
 * are integers that equal the sums of the tests', and no score exceeds its maximum.
 */
public final class Classroom50Contract {

    private static final Schema SCHEMA = load();

    /**
     * What Classroom 50's runner gives an autograder (wiki: Advanced Autograding, "Contract"; runner.py passes
     * OWNER, ASSIGNMENT_TYPE and the URLs), for one student's submission, and the commit's time as our autograder
     * passes it.
     */
    public static final Map<String, String> RUNNER_ENVIRONMENT = Map.ofEntries(
            Map.entry("CLASSROOM", "networks-2026"), Map.entry("ASSIGNMENT", "sockets-lab"),
            Map.entry("ASSIGNMENT_TYPE", "individual"), Map.entry("OWNER", "alice"), Map.entry("USERNAME", "alice"),
            Map.entry("SUBMISSION_TAG", "submit/2026-09-01T09-58-00Z-a1b2c3d"),
            Map.entry("COMMIT_URL", "https://github.com/org/networks-2026-sockets-lab-alice/commit/a1b2c3d"),
            Map.entry("RELEASE_URL", "https://github.com/org/networks-2026-sockets-lab-alice/releases/tag/submit%2F1"),
            Map.entry("REVIEW_URL", "https://github.com/org/networks-2026-sockets-lab-alice/compare/0f0f...a1b2c3d"),
            Map.entry("GITHUB_ACTOR", "alice"), Map.entry("GITHUB_ACTOR_ID", "4242"),
            Map.entry(Classroom50Identity.SUBMITTED_AT, "2026-09-01T11:58:00+02:00"));

    private Classroom50Contract() {
    }

    /** Every way {@code file} breaks the contract; empty when it keeps it. */
    public static List<String> violations(Path file) {
        try {
            return violations(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            return List.of(file + " is not JSON: " + e.getMessage());
        }
    }

    public static List<String> violations(JsonNode result) {
        List<String> problems = new ArrayList<>();
        for (Error error : SCHEMA.validate(result)) {
            problems.add("schema: " + error);
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        long score = 0;
        long max = 0;
        for (JsonNode test : result.get("tests")) {
            score += test.get("score").asLong();
            max += test.get("max-score").asLong();
            if (test.get("score").asLong() > test.get("max-score").asLong()) {
                problems.add("test '" + test.get("test-name").asText() + "' scores more than its max-score");
            }
        }
        if (score != result.get("score").asLong()) {
            problems.add("score " + result.get("score") + " is not the sum of the tests' scores, " + score);
        }
        if (max != result.get("max-score").asLong()) {
            problems.add("max-score " + result.get("max-score") + " is not the sum of the tests' max-scores, " + max);
        }
        if (result.get("score").asLong() > result.get("max-score").asLong()) {
            problems.add("score exceeds max-score");
        }
        return problems;
    }

    private static Schema load() {
        try (InputStream in = Classroom50Contract.class.getResourceAsStream("/contracts/classroom50-result-v1.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("the test resource contracts/classroom50-result-v1.schema.json is missing");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
