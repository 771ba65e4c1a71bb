package io.socketlab.grader.model;

import java.time.Duration;
import java.util.List;

/** Hand-built outcomes, and a report holding one of each verdict, for the tests of the model and of every report. */
public final class SampleOutcomes {

    public static final TestOutcome PASSED = new TestOutcome(1, "sockets", Program.SERVER, "SOCK-1",
            Text.of("greets with HELLO <name> and answers a first line", "saluda con HELLO <nombre> y responde"),
            2, Level.MUST, Visibility.PUBLIC, Verdict.PASS, null, null, "", "", Duration.ofMillis(310), false);

    public static final TestOutcome FAILED = new TestOutcome(2, "sockets", Program.SERVER, "SOCK-2",
            Text.of("counts UTF-8 bytes, not characters", "cuenta bytes UTF-8, no caracteres"),
            2, Level.MUST, Visibility.PUBLIC, Verdict.FAIL, FailureKind.WRONG_OUTPUT,
            new FailureDetail(Text.of("reply to \"héllo\\n\"", "respuesta a \"héllo\\n\""), Text.same("\"RECEIVED 6\""),
                    Text.same("\"RECEIVED 5\""),
                    Text.of("count the bytes of the line before decoding it",
                            "cuenta los bytes de la línea antes de decodificarla")),
            "[     3 ms] tcp#1  > \"héllo\\n\"\n[     5 ms] tcp#1  < \"RECEIVED 5\\n\"\n",
            "out [  0.120s] listening on 40123\n", Duration.ofMillis(420), false);

    public static final TestOutcome BLOCKED = new TestOutcome(3, "sockets", Program.CLIENT, "SOCK-10",
            Text.of("with no MESSAGE, sends each stdin line until EOF, then BYE", "sin MESSAGE, envía cada línea"),
            2, Level.MUST, Visibility.PUBLIC, Verdict.BLOCKED, null,
            new FailureDetail(Text.EMPTY, Text.EMPTY, Text.of("not run because the baseline failed",
                    "no se ejecutó porque falló la prueba base"), null),
            "", "", Duration.ZERO, false);

    public static final TestOutcome NOT_SUBMITTED = new TestOutcome(4, "echo", Program.CLIENT, "ECHO-8",
            Text.of("copies a line from stdin to the server", "copia una línea de stdin al servidor"),
            1, Level.MUST, Visibility.PUBLIC, Verdict.NOT_SUBMITTED, null,
            new FailureDetail(Text.EMPTY, Text.EMPTY, Text.of("not submitted: no echo.client in the manifest",
                    "no entregado: no hay echo.client en el manifiesto"), null),
            "", "", Duration.ZERO, false);

    public static final TestOutcome HARNESS_ERROR = new TestOutcome(5, "echo", Program.SERVER, "ECHO-3",
            Text.of("serves 100 connections at once", "atiende 100 conexiones a la vez"),
            2, Level.MUST, Visibility.PUBLIC, Verdict.ERROR, null,
            new FailureDetail(Text.EMPTY, Text.EMPTY, Text.of("harness error (not your fault): no free port",
                    "error del evaluador (no es culpa tuya): no hay puerto libre"), null),
            "", "", Duration.ofMillis(50), false);

    /** A failure whose details must never reach a student: every string in it says "secret". */
    public static final TestOutcome HIDDEN_FAILED = new TestOutcome(6, "echo", Program.SERVER, "ECHO-6",
            Text.of("keeps serving others when a client resets mid-stream", "sigue atendiendo a otros"),
            1, Level.SHOULD, Visibility.HIDDEN, Verdict.FAIL, FailureKind.CLOSED_UNEXPECTEDLY,
            new FailureDetail(Text.same("secret step"), Text.same("\"secret expected\""), Text.same("secret actual"),
                    Text.same("secret hint")),
            "[     9 ms] tcp#2  < \"secret transcript\"\n", "", Duration.ofMillis(700), false);

    public static final TestOutcome MEASURED = new TestOutcome(7, "echo", Program.SERVER, "ECHO-4",
            Text.of("measures throughput", "mide el caudal"),
            1, Level.INFO, Visibility.PUBLIC, Verdict.INFO, null, null, "", "", Duration.ofMillis(900), true);

    /** Earned: the pass. Maximum: everything but the harness error and the measurement. */
    public static final int SCORE = 2;
    public static final int MAX_SCORE = 2 + 2 + 2 + 1 + 1;

    private SampleOutcomes() {
    }

    /** Graded against {@code reference}: sockets then echo, one outcome of each verdict, 12.4 s in all. */
    public static GradeReport report(Lang lang) {
        return new GradeReport("reference", List.of("sockets", "echo"), 42L, lang,
                List.of(PASSED, FAILED, BLOCKED, NOT_SUBMITTED, HARNESS_ERROR, HIDDEN_FAILED, MEASURED),
                Duration.ofMillis(12_400));
    }

    /** A public MUST test of {@code echo} worth {@code points}, with the given verdict. */
    public static TestOutcome outcome(Verdict verdict, Level level, int points) {
        return new TestOutcome(1, "echo", Program.SERVER, "ECHO-3", Text.same("a test"), points, level,
                Visibility.PUBLIC, verdict, null, null, "", "", Duration.ZERO, false);
    }
}
