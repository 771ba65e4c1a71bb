package io.socketlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.SampleOutcomes;
import io.socketlab.grader.model.TestOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTests {

    private final StringWriter console = new StringWriter();

    @Test
    void announcesTheRunInSpanish() {
        spanish().sessionStarted("reference", List.of("sockets", "echo"), 42L);

        assertThat(console).hasToString("Evaluando reference: sockets, echo (semilla 42)\n");
    }

    @Test
    void printsAPassAsOneLineInSpanish() {
        spanish().testFinished(SampleOutcomes.PASSED);

        assertThat(console.toString().lines()).singleElement().asString()
                .matches(" +SUPERADA +server +SOCK-1 +saluda con HELLO <nombre> y responde +2/2 +0\\.31 s");
    }

    @Test
    void printsAFailureWithItsFactsInSpanish() {
        spanish().testFinished(SampleOutcomes.FAILED);

        String printed = console.toString();
        assertThat(printed.lines().findFirst().orElseThrow())
                .matches(" +FALLIDA +server +SOCK-2 +cuenta bytes UTF-8, no caracteres +0/2 +0\\.42 s");
        assertThat(printed)
                .containsPattern("\n {6}paso *: respuesta a \"héllo\\\\n\"\n")
                .containsPattern("\n {6}se esperaba *: \"RECEIVED 6\"\n")
                .containsPattern("\n {6}se obtuvo *: \"RECEIVED 5\"\n")
                .containsPattern("\n {6}pista *: cuenta los bytes de la línea antes de decodificarla\n")
                .contains("specs/es/sockets.md#sock-2")
                .contains("      transcripción:\n        [     3 ms] tcp#1  C: \"héllo\\n\"\n");
        List<String> facts = printed.lines().skip(1).limit(5).toList();
        assertThat(facts).as("facts with their colons aligned")
                .extracting(line -> line.indexOf(": ")).containsOnly(facts.get(0).indexOf(": "));
    }

    @Test
    void showsOnlyTheLastTwelveLinesOfALongTranscript() {
        StringBuilder transcript = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            transcript.append("exchange ").append(i).append('\n');
        }
        TestOutcome failed = SampleOutcomes.FAILED;
        TestOutcome chatty = new TestOutcome(failed.number(), failed.exercise(), failed.program(), failed.clause(),
                failed.title(), failed.points(), failed.level(), failed.visibility(), failed.verdict(), failed.kind(),
                failed.detail(), transcript.toString(), failed.log(), failed.duration(), false);

        english().testFinished(chatty);

        assertThat(console.toString()).doesNotContain("exchange 8\n").contains("exchange 9\n", "exchange 20\n");
    }

    @Test
    void keepsAHiddenFailuresDetailsToItselfInSpanish() {
        spanish().testFinished(SampleOutcomes.HIDDEN_FAILED);

        assertThat(console.toString()).contains("FALLIDA", "ECHO-6",
                "      prueba oculta: los detalles solo los ven los profesores\n").doesNotContain("secret");
    }

    @Test
    void printsAHarnessErrorWithWhatWentWrong() {
        english().testFinished(SampleOutcomes.HARNESS_ERROR);

        assertThat(console.toString()).contains("ERROR").containsPattern("but got +: harness error \\(not your fault\\)");
    }

    @Test
    void printsTheScoreTableInSpanish() {
        spanish().sessionFinished(SampleOutcomes.report(Lang.ES));

        List<String> lines = console.toString().lines().toList();
        assertThat(lines.get(1)).matches("Ejercicio +Puntos +Pruebas");
        assertThat(lines.get(2)).matches("sockets +2/6 +SUPERADA 1, FALLIDA 1, BLOQUEADA 1");
        assertThat(lines.get(3)).matches("echo +0/2 +FALLIDA 1, NO ENTREGADA 1, ERROR 1, INFO 1");
        assertThat(lines.get(4)).matches("Total +2/8 +\\(12\\.4 s\\)");
        assertThat(lines.get(5)).startsWith("Algunas pruebas sufrieron un error del evaluador");
    }

    private ConsoleReport spanish() {
        return new ConsoleReport(new PrintWriter(console), Lang.ES);
    }

    private ConsoleReport english() {
        return new ConsoleReport(new PrintWriter(console), Lang.EN);
    }
}
