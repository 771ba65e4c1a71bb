package io.socketlab.grader.conformance;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a program run to its end ended: its exit code, everything it wrote on stdout, and its stderr; or that it was
 * still running at the deadline, and was stopped.
 *
 * @param exitCode          the exit code; -1 when it was still running
 * @param stdout            every byte written on stdout (the grader keeps clients' output whole up to its cap)
 * @param stillRunningAfter how long it had run when the grader stopped it; null when it exited on its own
 */
public record ClientResult(int exitCode, byte[] stdout, String stderr, Duration stillRunningAfter) {

    /** A program that exited with {@code exitCode}. */
    public ClientResult(int exitCode, byte[] stdout, String stderr) {
        this(exitCode, stdout, stderr, null);
    }

    /** A program still running after {@code after}, stopped by the grader. */
    public static ClientResult stillRunning(Duration after, byte[] stdout, String stderr) {
        return new ClientResult(-1, stdout, stderr, after);
    }

    public boolean exited() {
        return stillRunningAfter == null;
    }

    /** "exit code 2", or "still running after 10.0 s (stopped by the grader)". */
    public Text exitDescription() {
        if (!exited()) {
            String seconds = seconds(stillRunningAfter);
            return Text.of("still running after " + seconds + " (stopped by the grader)",
                    "seguía en marcha tras " + seconds + " (el evaluador lo detuvo)");
        }
        return Text.of("exit code " + exitCode, "código de salida " + exitCode);
    }

    /** {@code 10.0 s}. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Stdout split into lines; a trailing CR on each is dropped and a final line without LF still counts. */
    public List<String> stdoutLines() {
        String text = stdoutText();
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = Arrays.stream(text.split("\n", -1)).map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l).toList();
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
            Text why = exitDescription();
            String stderrSuffix = stderrSuffix();
            throw new ConformanceFailure(exitCode != 0 ? FailureKind.CRASHED : FailureKind.WRONG_OUTPUT,
                    Text.of("waiting for the client to connect", "esperando a que el cliente se conecte"),
                    "a connection to " + ClientUnderTest.HOST + ":" + fake.port(),
                    Text.of("no connection; the client ended with " + why.en() + stderrSuffix,
                            "ninguna conexión; el cliente terminó con " + why.es() + stderrSuffix), null);
        }
        return this;
    }

    private String stderrSuffix() {
        return stderr.isBlank() ? "" : " (stderr: " + Bytes.quote(stderr.strip()) + ")";
    }

    /** Fails unless the client exited with {@code expected}. */
    public ClientResult expectExitCode(Text step, int expected) {
        if (!exited() || exitCode != expected) {
            String stderrTail = stderrSuffix();
            throw ConformanceFailure.wrongOutput(step, "exit code " + expected, exitDescription().suffixed(stderrTail));
        }
        return this;
    }

    /** Fails unless the client's stdout lines are exactly {@code expected}. */
    public ClientResult expectStdoutLines(Text step, List<String> expected) {
        List<String> actual = stdoutLines();
        if (!actual.equals(expected)) {
            throw ConformanceFailure.wrongOutput(step, render(expected), render(actual));
        }
        return this;
    }

    /** Fails unless stdout is byte for byte {@code expected}. */
    public ClientResult expectStdoutBytes(Text step, byte[] expected) {
        if (!Arrays.equals(stdout, expected)) {
            throw ConformanceFailure.wrongOutput(step, expected.length + " bytes: " + Bytes.render(expected),
                    Bytes.describeDifference(expected, stdout));
        }
        return this;
    }

    /** Fails unless stderr holds at least one line saying what happened. */
    public ClientResult expectErrorLine(Text step) {
        if (stderrLines().isEmpty()) {
            throw ConformanceFailure.wrongOutput(step, "one line on stderr saying what happened",
                    Text.of("nothing on stderr", "nada en stderr"));
        }
        return this;
    }

    /** {@code ["first", "second"]}, cut after a dozen lines. */
    private static String render(List<String> lines) {
        if (lines.isEmpty()) {
            return "no lines";
        }
        String shown = lines.stream().limit(12).map(Bytes::quote).collect(Collectors.joining(", "));
        return "[" + shown + (lines.size() > 12 ? ", ... (" + lines.size() + " lines)" : "") + "]";
    }
}
