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

/**
 * Classroom 50's result contract as a check: our copy of its JSON Schema (test resource
 * {@code contracts/classroom50-result-v1.schema.json}), then the rules its validators enforce in code — the totals
 * are integers that equal the sums of the tests', and no score exceeds its maximum.
 */
public final class Classroom50Contract {

    private static final Schema SCHEMA = load();

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
