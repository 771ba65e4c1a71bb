package io.socketlab.grader.conformance;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.Payload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a program run to its end ended: its exit code, everything it wrote on stdout, its stderr, and when it exited;
 * or that it was still running at the deadline, and was stopped. Its {@code expect...} methods are the probe
 * language's words for a program's outcome: each names its own step and states its facts in English and Spanish.
 *
 * @param exitCode          the exit code; -1 when it was still running
 * @param stdout            every byte written on stdout (the grader keeps clients' output whole up to its cap)
 * @param exitedAtNanos     when the process was seen to exit ({@link System#nanoTime()}), when known
 * @param stillRunningAfter how long it had run when the grader stopped it; null when it exited on its own
 */
public record ClientResult(int exitCode, byte[] stdout, String stderr, OptionalLong exitedAtNanos,
        Duration stillRunningAfter) {

    /** Lines a JVM prints on its own (not the program's words), left out when stderr lines are counted. */
    private static final Pattern JVM_NOISE = Pattern.compile("^Picked up (_JAVA_OPTIONS|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS):.*");
    /** The first line of a Python traceback, or a Java stack frame / uncaught exception. */
    private static final Pattern TRACEBACK = Pattern.compile(
            "^(Traceback \\(most recent call last\\):|\\s+at [\\w$.<>/]+\\(.*\\)|Exception in thread .*)$");

    private static final Text EXIT = Text.of("the client's exit code", "el código de salida del cliente");
    private static final Text STDOUT = Text.of("the client's stdout", "la salida estándar del cliente");
    private static final Text STDERR = Text.of("the client's stderr", "la salida de error del cliente");

    /** A program that exited with {@code exitCode}, at {@code exitedAtNanos} when known. */
    public ClientResult(int exitCode, byte[] stdout, String stderr, OptionalLong exitedAtNanos) {
        this(exitCode, stdout, stderr, exitedAtNanos, null);
    }

    /** A program that exited with {@code exitCode}. */
    public ClientResult(int exitCode, byte[] stdout, String stderr) {
        this(exitCode, stdout, stderr, OptionalLong.empty());
    }

    /** A program still running after {@code after}, stopped by the grader. */
    public static ClientResult stillRunning(Duration after, byte[] stdout, String stderr) {
        return new ClientResult(-1, stdout, stderr, OptionalLong.empty(), after);
    }

    public boolean exited() {
        return stillRunningAfter == null;
    }

    /** "exit code 2", or "still running after 10.0 s (stopped by the grader)". */
    public Text exitDescription() {
        if (!exited()) {
            String seconds = ConformanceFailure.seconds(stillRunningAfter);
            return Text.of("still running after " + seconds + " (stopped by the grader)",
                    "seguía en marcha tras " + seconds + " (el evaluador lo detuvo)");
        }
        return Text.format("exit code %d", "código de salida %d", exitCode);
    }

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Stdout split into lines; a trailing CR on each is dropped and a final line without LF still counts. */
    public List<String> stdoutLines() {
        return lines(true);
    }

    /** Stdout split at each LF, nothing dropped (a CR stays visible); a final line without LF still counts. */
    private List<String> lines(boolean dropCr) {
        String text = stdoutText();
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = Arrays.stream(text.split("\n", -1))
                .map(l -> dropCr && l.endsWith("\r") ? l.substring(0, l.length() - 1) : l).toList();
        return text.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines;
    }

    /** The non-empty lines of stderr. */
    public List<String> stderrLines() {
        return stderr.lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * Fails unless the client connected to {@code fake}: a client that exits without connecting is told so, with
     * its exit code and stderr, rather than that some output is missing.
     */
    public ClientResult expectConnectedTo(FakeTcpServer fake) throws InterruptedException {
        // The client has exited, so a connection it made is already queued: a moment suffices to accept it.
        if (!fake.awaitConnection(Duration.ofMillis(500))) {
            throw new ConformanceFailure(exitCode != 0 ? FailureKind.CRASHED : FailureKind.WRONG_OUTPUT,
                    Text.of("waiting for the client to connect", "esperando a que el cliente se conecte"),
                    Text.format("a connection to %s:%d", "una conexión a %s:%d", ClientUnderTest.HOST, fake.port()),
                    Text.format("no connection; the client ended with %s", "ninguna conexión; el cliente terminó con %s",
                            ended()), null);
        }
        return this;
    }

    /**
     * Fails unless the client connected to {@code fake} and the fake's script found nothing wrong with what it did on
     * the wire. When the script saw the connection break and the client exited with an error, the client's end is
     * the cause a student needs first: the failure says how it ended.
     */
    public ClientResult expectServedBy(FakeTcpServer fake) throws Exception {
        expectConnectedTo(fake);
        try {
            fake.verify();
        } catch (ConformanceFailure failure) {
            if (failure.kind() == FailureKind.CLOSED_UNEXPECTEDLY && exitCode != 0) {
                throw crashedDuring(failure.step(), failure.expected());
            }
            throw failure;
        } catch (IOException broken) {
            if (exitCode != 0) {
                throw crashedDuring(Text.of("the exchange with the client", "el intercambio con el cliente"),
                        Text.of("the exchange to go on", "que el intercambio continúe"));
            }
            throw broken;
        }
        return this;
    }

    private ConformanceFailure crashedDuring(Text step, Text expected) {
        return ConformanceFailure.crashed(step, expected, Text.format("the client ended with %s",
                "el cliente terminó con %s", ended()));
    }

    /** "exit code 1 (stderr: "...")": how the program ended, for a failure. */
    private Text ended() {
        Text code = exitDescription();
        return stderr.isBlank() ? code : code.plus(Text.format(" (stderr: %s)", " (stderr: %s)",
                Bytes.quote(stderr.strip())));
    }

    /** Fails unless the client exited with {@code expected}. */
    public ClientResult expectExitCode(int expected) {
        return expectExitCode(EXIT, expected);
    }

    public ClientResult expectExitCode(Text step, int expected) {
        if (!exited() || exitCode != expected) {
            throw ConformanceFailure.wrongOutput(step, Text.format("exit code %d", "código de salida %d", expected),
                    ended());
        }
        return this;
    }

    /** Fails unless the client's stdout lines are exactly {@code expected} (a CR before an LF is forgiven). */
    public ClientResult expectStdoutLines(List<String> expected) {
        return expectStdoutLines(STDOUT, expected);
    }

    /** Fails unless the client's stdout lines are exactly {@code expected} (a CR before an LF is forgiven). */
    public ClientResult expectStdoutLines(Text step, List<String> expected) {
        List<String> actual = stdoutLines();
        if (!actual.equals(expected)) {
            throw ConformanceFailure.wrongOutput(step, render(expected), render(actual));
        }
        return this;
    }

    /**
     * Fails unless stdout is exactly these lines, each ended by LF alone: for protocols whose programs end lines with
     * LF only, a CR LF or a missing final LF is a failure.
     */
    public ClientResult expectPrinted(List<String> expected) {
        byte[] exact = Bytes.utf8(expected.stream().map(l -> l + "\n").collect(Collectors.joining()));
        if (Arrays.equals(exact, stdout)) {
            return this;
        }
        List<String> actual = lines(false);
        if (actual.equals(expected)) {
            throw ConformanceFailure.wrongOutput(STDOUT, render(expected).plus(Text.of(", each ending in \\n",
                    ", cada una terminada en \\n")), Text.format("%s without \\n after the last line",
                    "%s sin \\n tras la última línea", render(actual)));
        }
        throw ConformanceFailure.wrongOutput(STDOUT, render(expected), render(actual));
    }

    public ClientResult expectPrinted(String... expected) {
        return expectPrinted(List.of(expected));
    }

    /** Fails unless stdout is byte for byte {@code expected}. */
    public ClientResult expectStdoutBytes(byte[] expected) {
        return expectStdoutBytes(STDOUT, expected);
    }

    /** Fails unless stdout is byte for byte {@code expected}. */
    public ClientResult expectStdoutBytes(Text step, byte[] expected) {
        if (!Arrays.equals(stdout, expected)) {
            throw ConformanceFailure.wrongOutput(step, Text.format("%d bytes: %s", "%d bytes: %s", expected.length,
                    Bytes.render(expected)), Bytes.describeDifference(expected, stdout));
        }
        return this;
    }

    /** Fails unless stdout is byte for byte {@code expected}, compared as it is generated (never held twice). */
    public ClientResult expectStdout(Payload expected) {
        Text difference = expected.differenceFrom(stdout);
        if (difference != null) {
            throw ConformanceFailure.integrity(STDOUT, Text.format("%s, unchanged", "%s, sin cambios",
                    expected.description()), difference);
        }
        return this;
    }

    /** Fails unless stderr holds at least one line saying what happened. */
    public ClientResult expectErrorLine(Text step) {
        if (stderrLines().isEmpty()) {
            throw ConformanceFailure.wrongOutput(step, oneLineOnStderr(), Text.of("nothing on stderr", "nada en stderr"));
        }
        return this;
    }

    /**
     * Fails unless stderr holds exactly one line saying what happened: a traceback (Python's, or a Java stack
     * trace) is not one line, even when the exit code happens to be the right one.
     */
    public ClientResult expectOneErrorLine() {
        return expectOneErrorLine(STDERR);
    }

    /** Like {@link #expectOneErrorLine()}, naming the step: which of a test's runs the stderr is of. */
    public ClientResult expectOneErrorLine(Text step) {
        List<String> lines = stderrLines().stream().filter(l -> !JVM_NOISE.matcher(l).matches()).toList();
        if (lines.size() == 1) {
            return this;
        }
        if (lines.isEmpty()) {
            throw ConformanceFailure.wrongOutput(step, oneLineOnStderr(), Text.of("nothing on stderr", "nada en stderr"));
        }
        String shown = Bytes.quote(String.join("\n", lines));
        boolean traceback = lines.stream().anyMatch(l -> TRACEBACK.matcher(l).matches());
        if (traceback) {
            throw ConformanceFailure.wrongOutput(step, oneLineOnStderr(), Text.format("a traceback of %d lines: %s",
                    "una traza de excepción de %d líneas: %s", lines.size(), shown)).withHint(Text.of(
                    "the program ended with an uncaught exception: catch that case where it happens, print one line"
                            + " saying what went wrong on stderr, and exit with the contract's code",
                    "el programa terminó con una excepción sin capturar: trata ese caso donde ocurre, escribe en"
                            + " stderr una línea que diga qué falló y termina con el código del contrato"));
        }
        throw ConformanceFailure.wrongOutput(step, oneLineOnStderr(),
                Text.format("%d lines: %s", "%d líneas: %s", lines.size(), shown));
    }

    /**
     * Fails unless stderr holds exactly one line (as {@link #expectOneErrorLine}) and it contains {@code text}: for a
     * line the contract says the program repeats as it received it, whatever the program says around it.
     */
    public ClientResult expectOneErrorLineHolding(String text) {
        expectOneErrorLine();
        if (stderrLines().stream().noneMatch(line -> line.contains(text))) {
            throw ConformanceFailure.wrongOutput(STDERR, Text.format("one line holding %s", "una línea que contenga %s",
                    Bytes.quote(text)), Text.same(Bytes.quote(stderr.strip())));
        }
        return this;
    }

    /** Fails unless stderr holds each of these lines (surrounding spaces ignored), in this order, among others. */
    public ClientResult expectStderrHolds(String... expected) {
        List<String> actual = stderrLines().stream().map(String::strip).toList();
        int from = 0;
        for (String line : expected) {
            int at = actual.subList(from, actual.size()).indexOf(line);
            if (at < 0) {
                throw ConformanceFailure.wrongOutput(STDERR, Text.format("a line %s", "una línea %s", Bytes.quote(line)),
                        stderr.isBlank() ? Text.of("nothing on stderr", "nada en stderr") : Text.same(Bytes.quote(stderr)));
            }
            from += at + 1;
        }
        return this;
    }

    private static Text oneLineOnStderr() {
        return Text.of("one line on stderr saying what happened", "una línea en stderr que diga qué pasó");
    }

    /**
     * Fails unless the client exited only after {@code fake} closed its (last) connection: the contract has it read
     * until the server's close, not stop at the last line it expected.
     */
    public ClientResult expectExitedAfterTheCloseOf(FakeTcpServer fake) {
        OptionalLong closed = fake.lastClosedAtNanos();
        if (closed.isPresent() && exitedAtNanos.isPresent() && exitedAtNanos.getAsLong() < closed.getAsLong()) {
            double early = (closed.getAsLong() - exitedAtNanos.getAsLong()) / 1e9;
            throw ConformanceFailure.wrongOutput(Text.of("when the client exited", "cuándo terminó el cliente"),
                    Text.of("the client exits once the server has closed the connection",
                            "que el cliente termine cuando el servidor haya cerrado la conexión"),
                    Text.format("the client exited %.1f s before the server closed the connection",
                            "el cliente terminó %.1f s antes de que el servidor cerrara la conexión", early))
                    .withHint(Text.of("after the last line you expect, keep reading until the server closes the"
                                    + " connection (recv() returns b\"\" in Python, read() returns -1 in Java), then exit",
                            "tras la última línea que esperas, sigue leyendo hasta que el servidor cierre la conexión"
                                    + " (recv() devuelve b\"\" en Python, read() devuelve -1 en Java) y entonces termina"));
        }
        return this;
    }

    /**
     * Fails unless the client exited at least {@code least} after {@code sinceNanos} ({@link System#nanoTime()}), the
     * moment {@code silence} began: a client may give up on a server that owes it an answer, but not before the
     * contract's time. Measured from when the grader saw the silence begin, so a busy machine can only make the wait
     * look longer, never shorter.
     */
    public ClientResult expectGaveUpNoSoonerThan(Duration least, long sinceNanos, Text silence) {
        if (exitedAtNanos.isPresent() && exitedAtNanos.getAsLong() - sinceNanos < least.toNanos()) {
            double waited = Math.max(0, exitedAtNanos.getAsLong() - sinceNanos) / 1e9;
            throw ConformanceFailure.wrongOutput(Text.of("when the client gave up", "cuándo se rindió el cliente"),
                    Text.format("an exit no sooner than %s after %s", "una salida no antes de %s tras %s",
                            ConformanceFailure.seconds(least), silence),
                    Text.format("the client exited %.1f s after %s", "el cliente terminó %.1f s tras %s", waited, silence))
                    .withHint(Text.of("wait the contract's 10 s for an answer that is owed before giving up, counted"
                                    + " from the last thing sent or received; while nothing is owed, never time out",
                            "espera los 10 s del contrato una respuesta debida antes de rendirte, contados desde lo"
                                    + " último enviado o recibido; mientras no se deba nada, no agotes ningún plazo"));
        }
        return this;
    }

    /** {@code ["first", "second"]}, cut after a dozen lines. */
    private static Text render(List<String> lines) {
        if (lines.isEmpty()) {
            return Text.of("no lines", "ninguna línea");
        }
        String shown = lines.stream().limit(12).map(Bytes::quote).collect(Collectors.joining(", "));
        return Text.same("[" + shown + (lines.size() > 12 ? ", ... (" + lines.size() + ")" : "") + "]");
    }
}
