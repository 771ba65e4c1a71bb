package io.socketlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.model.FailureDetail;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GraderEdition;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.SampleOutcomes;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.model.Visibility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Classroom50ReportTests {

    private static final Instant NOW = Instant.parse("2026-09-01T10:00:00.750Z");
    private static final Map<String, String> RUNNER = Classroom50Contract.RUNNER_ENVIRONMENT;

    @TempDir
    Path dir;

    @Test
    void fullMarksKeepTheContractWithTheRunnersIdentity() throws IOException {
        JsonNode result = write(report(SampleOutcomes.PASSED, SampleOutcomes.MEASURED), RUNNER);

        assertThat(Classroom50Contract.violations(result)).isEmpty();
        assertThat(result.get("schema").asText()).isEqualTo("classroom50/result/v1");
        assertThat(result.get("classroom").asText()).isEqualTo("networks-2026");
        assertThat(result.get("assignment").asText()).isEqualTo("sockets-lab");
        assertThat(result.get("owner").asText()).isEqualTo("alice");
        assertThat(result.get("submission").asText()).isEqualTo("submit/2026-09-01T09-58-00Z-a1b2c3d");
        assertThat(result.get("review").asText()).endsWith("/compare/0f0f...a1b2c3d");
        // The submission instant is the commit's, in UTC; graded_at is this run's, to the second.
        assertThat(result.get("datetime").asText()).isEqualTo("2026-09-01T09:58:00Z");
        assertThat(result.get("graded_at").asText()).isEqualTo("2026-09-01T10:00:00Z");
        assertThat(result.get("submitted_by").get("id").asLong()).isEqualTo(4242);
        assertThat(result.get("score").asInt()).isEqualTo(2).isEqualTo(result.get("max-score").asInt());
        JsonNode pass = result.get("tests").get(0);
        assertThat(pass.get("test-name").asText()).isEqualTo("sockets server SOCK-1 greets with HELLO <name> and answers a first line");
        assertThat(pass.get("passed").asBoolean()).isTrue();
        assertThat(pass.get("clause").asText()).isEqualTo("SOCK-1");
        assertThat(pass.get("verdict").asText()).isEqualTo("PASS");
    }

    @Test
    void zeroPointsKeepTheContractAndSayWhatFailed() throws IOException {
        JsonNode result = write(report(SampleOutcomes.FAILED, SampleOutcomes.BLOCKED, SampleOutcomes.NOT_SUBMITTED), RUNNER);

        assertThat(Classroom50Contract.violations(result)).isEmpty();
        assertThat(result.get("score").asInt()).isZero();
        assertThat(result.get("max-score").asInt()).isEqualTo(5);
        assertThat(result.get("tests")).extracting(t -> t.get("passed").asBoolean()).containsOnly(false);
        assertThat(result.get("tests").get(0).get("message").asText()).contains("\"RECEIVED 6\"", "count the bytes");
        assertThat(releaseBody()).startsWith("## SocketLab results: 0/5\n").contains("<b>SOCK-2</b>", "\"RECEIVED 5\"");
    }

    @Test
    void aHarnessErrorTakesTheContractsErrorPathNeverSilence() throws IOException {
        JsonNode result = write(SampleOutcomes.report(Lang.EN), RUNNER);

        assertThat(Classroom50Contract.violations(result)).isEmpty();
        assertThat(result.get("tests")).isEmpty();
        assertThat(result.get("score").asInt()).isZero();
        assertThat(result.get("max-score").asInt()).isZero();
        assertThat(releaseBody()).startsWith("> The grader failed (a harness error, not your fault)")
                .contains("## SocketLab results: 2/8");
    }

    @Test
    void aHiddenTestSaysOnlyThatItIsHiddenItsPointsAndWhetherItPassed() throws IOException {
        JsonNode result = write(report(SampleOutcomes.PASSED, SampleOutcomes.HIDDEN_FAILED), RUNNER);

        assertThat(Classroom50Contract.violations(result)).isEmpty();
        JsonNode hidden = result.get("tests").get(1);
        assertThat(hidden.get("visibility").asText()).isEqualTo("hidden");
        assertThat(hidden.get("max-score").asInt()).isEqualTo(1);
        assertThat(hidden.get("message").asText()).isEqualTo("hidden test: details are shown to instructors only");
        assertThat(Files.readString(dir.resolve("classroom50/result.json"))).doesNotContain("secret");
        assertThat(releaseBody()).doesNotContain("secret").contains("1 hidden test(s) worth 1 point(s)");
    }

    @Test
    void outsideTheRunnerTheIdentitySaysLocalAndStaysValid() throws IOException {
        JsonNode result = write(report(SampleOutcomes.PASSED), Map.of());

        assertThat(Classroom50Contract.violations(result)).isEmpty();
        assertThat(result.get("classroom").asText()).isEqualTo("local");
        assertThat(result.get("submission").asText()).isEqualTo("submit/local");
        assertThat(result.get("datetime").asText()).isEqualTo("2026-09-01T10:00:00Z");
        assertThat(result.has("submitted_by")).isFalse();
    }

    @Test
    void thePublicGraderSaysItsScoreIsFeedbackNotTheGrade() throws IOException {
        new Classroom50Report(dir, Lang.ES, Classroom50Identity.from(RUNNER, NOW), GraderEdition.PUBLIC)
                .sessionFinished(report(SampleOutcomes.PASSED));

        assertThat(releaseBody()).startsWith("## Resultados de SocketLab: 2/2\n\n> Solo pruebas públicas");
    }

    @Test
    void theReleaseBodyStaysWithinWhatGitHubAcceptsWhateverTheProgramsPrinted() throws IOException {
        String flood = "x".repeat(40_000) + "´`´".repeat(2_000);
        List<TestOutcome> failures = IntStream.range(0, 300).mapToObj(i -> new TestOutcome(i + 1, "echo",
                Program.SERVER, "ECHO-" + (i % 10 + 1), Text.same("fails loudly " + i), 1, Level.MUST,
                Visibility.PUBLIC, Verdict.FAIL, FailureKind.WRONG_OUTPUT,
                new FailureDetail(Text.same("step"), Text.same("\"ok\""), Text.same(flood), null), flood, flood,
                Duration.ZERO, false)).toList();

        JsonNode result = write(new GradeReport("student", List.of("echo"), 1L, Lang.EN, failures, Duration.ZERO), RUNNER);

        byte[] body = Files.readAllBytes(dir.resolve("classroom50/release-body.md"));
        assertThat(body.length).isLessThanOrEqualTo(Classroom50Report.MAX_RELEASE_BODY_BYTES);
        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("## SocketLab results: 0/300")
                .contains("| **Total** | **0/300** | |", "more block(s) left out");
        assertThat(Classroom50Contract.violations(result)).isEmpty();
        assertThat(Files.size(dir.resolve("classroom50/result.json"))).isLessThan(2 * 1024 * 1024);
    }

    @Test
    void theContractCheckCatchesAForgedTotal() throws IOException {
        ObjectNode result = (ObjectNode) write(report(SampleOutcomes.PASSED, SampleOutcomes.FAILED), RUNNER);
        result.put("score", 4);
        assertThat(Classroom50Contract.violations(result)).singleElement().asString().contains("not the sum");
        result.put("score", 1.5);
        assertThat(Classroom50Contract.violations(result)).isNotEmpty();
        result.put("score", 2).put("submission", "v1.0");
        assertThat(Classroom50Contract.violations(result)).isNotEmpty();
    }

    private JsonNode write(GradeReport report, Map<String, String> env) throws IOException {
        new Classroom50Report(dir, Lang.EN, Classroom50Identity.from(env, NOW), GraderEdition.FULL).sessionFinished(report);
        return new ObjectMapper().readTree(dir.resolve("classroom50/result.json").toFile());
    }

    private String releaseBody() throws IOException {
        return Files.readString(dir.resolve("classroom50/release-body.md"), StandardCharsets.UTF_8);
    }

    private static GradeReport report(TestOutcome... outcomes) {
        return new GradeReport("student", List.of("sockets", "echo"), 1L, Lang.EN, List.of(outcomes), Duration.ofSeconds(3));
    }
}
