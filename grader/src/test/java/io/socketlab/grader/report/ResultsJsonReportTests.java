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

class ResultsJsonReportTests {

    @TempDir
    Path dir;

    @Test
    void writesTheGradescopeTotals() throws IOException {
        JsonNode results = written(Lang.EN);

        assertThat(results.get("score").asInt()).isEqualTo(SampleOutcomes.SCORE);
        assertThat(results.get("max_score").asInt()).isEqualTo(SampleOutcomes.MAX_SCORE);
        assertThat(results.get("execution_time").asLong()).isEqualTo(12);
        assertThat(results.get("visibility").asText()).isEqualTo("visible");
        assertThat(results.get("output").asText()).startsWith("Score: 2/8\n").contains("harness error");
        assertThat(results.get("target").asText()).isEqualTo("reference");
        assertThat(results.get("seed").asLong()).isEqualTo(42);
    }

    @Test
    void writesOneGradescopeTestPerOutcomeInRunOrder() throws IOException {
        JsonNode tests = written(Lang.EN).get("tests");

        assertThat(tests).hasSize(7);
        assertThat(texts(tests, "number")).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(texts(tests, "verdict"))
                .containsExactly("PASS", "FAIL", "BLOCKED", "NOT_SUBMITTED", "ERROR", "FAIL", "INFO");
        assertThat(texts(tests, "status"))
                .containsExactly("passed", "failed", "failed", "failed", "failed", "failed", "passed");
    }

    @Test
    void describesAPassWithItsNameScoreAndTags() throws IOException {
        JsonNode pass = written(Lang.EN).get("tests").get(0);

        assertThat(pass.get("name").asText()).isEqualTo("SOCK-1 greets with HELLO <name> and answers a first line");
        assertThat(pass.get("score").asInt()).isEqualTo(2);
        assertThat(pass.get("max_score").asInt()).isEqualTo(2);
        assertThat(pass.get("visibility").asText()).isEqualTo("visible");
        assertThat(pass.get("output").asText()).isEmpty();
        assertThat(texts(pass.get("tags"))).containsExactly("sockets", "server", "SOCK-1", "must");
        assertThat(pass.get("exercise").asText()).isEqualTo("sockets");
        assertThat(pass.get("program").asText()).isEqualTo("server");
        assertThat(pass.get("clause").asText()).isEqualTo("SOCK-1");
        assertThat(pass.has("failure_kind")).isFalse();
    }

    @Test
    void describesAFailureWithItsFactsTranscriptAndKind() throws IOException {
        JsonNode failure = written(Lang.EN).get("tests").get(1);

        assertThat(failure.get("score").asInt()).isZero();
        assertThat(failure.get("max_score").asInt()).isEqualTo(2);
        assertThat(failure.get("failure_kind").asText()).isEqualTo("WRONG_OUTPUT");
        assertThat(failure.get("output").asText())
                .contains("\"RECEIVED 6\"", "\"RECEIVED 5\"", "count the bytes of the line before decoding it",
                        "specs/sockets.md#sock-2", "tcp#1  S: \"RECEIVED 5\\n\"", "listening on 40123");
    }

    @Test
    void leavesTheHarnessErrorsPointsOutOfTheMaximum() throws IOException {
        JsonNode results = written(Lang.EN);
        JsonNode error = results.get("tests").get(4);

        assertThat(error.get("verdict").asText()).isEqualTo("ERROR");
        assertThat(error.get("max_score").asInt()).isZero();
        int sumOfMaxima = 0;
        for (JsonNode test : results.get("tests")) {
            sumOfMaxima += test.get("max_score").asInt();
        }
        assertThat(sumOfMaxima).isEqualTo(results.get("max_score").asInt());
    }

    @Test
    void hidesAHiddenTestFromStudentsWithoutHidingTheirScore() throws IOException {
        JsonNode results = written(Lang.EN);
        JsonNode hidden = results.get("tests").get(5);

        // Gradescope: "hidden" never shows the test to students; "after_published" would hide the whole score.
        assertThat(hidden.get("visibility").asText()).isEqualTo("hidden");
        assertThat(results.get("tests")).filteredOn(t -> t != hidden)
                .allSatisfy(t -> assertThat(t.get("visibility").asText()).isEqualTo("visible"));
        assertThat(results.get("visibility").asText()).isEqualTo("visible");
        assertThat(results.get("edition").asText()).isEqualTo("full");
        assertThat(texts(hidden.get("tags"))).containsExactly("echo", "server", "ECHO-6", "should");
    }

    @Test
    void keepsAHiddenTestsDetailsOutOfTheStudentsCopy() throws IOException {
        String studentCopy = written(Lang.EN).get("tests").get(5).get("output").asText();
        new ResultsJsonReport(dir, Lang.EN, true).sessionFinished(SampleOutcomes.report(Lang.EN));
        String instructorCopy = new ObjectMapper().readTree(dir.resolve(ResultsJsonReport.FILE).toFile())
                .get("tests").get(5).get("output").asText();

        assertThat(studentCopy).doesNotContain("secret").contains("instructors only");
        assertThat(instructorCopy).contains("secret expected", "secret hint", "secret transcript");
    }

    @Test
    void scoresAMeasurementAsNothingAndFlagsAFlakyTest() throws IOException {
        JsonNode measurement = written(Lang.EN).get("tests").get(6);

        assertThat(measurement.get("max_score").asInt()).isZero();
        assertThat(measurement.get("score").asInt()).isZero();
        assertThat(measurement.get("flaky").asBoolean()).isTrue();
        assertThat(measurement.get("output").asText()).contains("flaky: a harness error, then passed on retry");
        assertThat(measurement.get("duration_ms").asLong()).isEqualTo(900);
    }

    @Test
    void speaksSpanishWhenAskedTo() throws IOException {
        JsonNode results = written(Lang.ES);

        assertThat(results.get("output").asText()).startsWith("Puntuación: 2/8");
        assertThat(results.get("tests").get(1).get("name").asText()).isEqualTo("SOCK-2 cuenta bytes UTF-8, no caracteres");
        assertThat(results.get("tests").get(1).get("output").asText()).contains("cuenta los bytes de la línea");
    }

    private JsonNode written(Lang lang) throws IOException {
        new ResultsJsonReport(dir, lang).sessionFinished(SampleOutcomes.report(lang));
        return new ObjectMapper().readTree(dir.resolve(ResultsJsonReport.FILE).toFile());
    }

    private static List<String> texts(JsonNode tests, String field) {
        List<String> values = new ArrayList<>();
        tests.forEach(test -> values.add(test.get(field).asText()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
