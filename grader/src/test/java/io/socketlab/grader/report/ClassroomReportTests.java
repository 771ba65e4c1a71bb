package io.socketlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.SampleOutcomes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassroomReportTests {

    @TempDir
    Path dir;

    private JsonNode written() throws IOException {
        new ClassroomReport(dir, Lang.EN).sessionFinished(SampleOutcomes.report(Lang.EN));
        return new ObjectMapper().readTree(dir.resolve(ClassroomReport.FILE).toFile());
    }

    @Test
    void reportsTheRunnerTotalsClassroomAddsUp() throws IOException {
        JsonNode results = written();

        assertThat(results.get("version").asInt()).isEqualTo(1);
        assertThat(results.get("max_score").asInt()).isEqualTo(SampleOutcomes.MAX_SCORE);
        int scored = 0;
        for (JsonNode test : results.get("tests")) {
            scored += test.get("score").asInt();
        }
        assertThat(scored).isEqualTo(SampleOutcomes.SCORE);
        // The sample has a harness error: the run is an error, not merely a failure.
        assertThat(results.get("status").asText()).isEqualTo("error");
    }

    @Test
    void mapsEveryVerdictToPassFailOrError() throws IOException {
        List<String> statuses = new ArrayList<>();
        written().get("tests").forEach(test -> statuses.add(test.get("status").asText()));

        // PASSED, FAILED, BLOCKED, NOT_SUBMITTED, HARNESS_ERROR, HIDDEN_FAILED, MEASURED
        assertThat(statuses).containsExactly("pass", "fail", "fail", "fail", "error", "fail", "pass");
    }

    @Test
    void explainsFailuresButNeverAHiddenTestsDetails() throws IOException {
        JsonNode tests = written().get("tests");

        assertThat(tests.get(0).get("message").asText()).isEmpty();
        assertThat(tests.get(1).get("message").asText()).contains("expected").contains("hint");
        assertThat(tests.get(5).get("message").asText()).doesNotContain("secret").contains("instructors only");
        tests.forEach(test -> assertThat(test.get("name").asText()).matches("(sockets|echo) [A-Z]+-\\d+ .+"));
        assertThat(tests.get(1).get("duration").isIntegralNumber()).isTrue();
    }
}
