package io.socketlab.grader.suites.quiz;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The quiz server's side of a conversation with a client under test, as TCP allows it and a careless client does not
 * expect: lines glued into one segment or cut at every byte, a close that comes a while after GAMEOVER. What the
 * client sends is read strictly: senders end their lines with LF only (specs/quiz.md, Conventions).
 */
final class QuizFake {

    static final Text SENT = Text.of("what the client sent", "lo que envió el cliente");
    private static final Duration QUIET = Duration.ofMillis(700);

    private QuizFake() {
    }

    /**
     * The next line the client sends within {@code within}, without its LF; null if the client closes first. The line
     * must end in LF alone: a CR before it is a sender's mistake here, although a receiver forgives it.
     */
    static String clientLineOrClose(TcpProbe connection, Duration within) throws IOException {
        byte[] raw;
        try {
            raw = connection.readRawLine(SENT, within);
        } catch (ConformanceFailure failure) {
            if (failure.kind() == FailureKind.CLOSED_UNEXPECTEDLY) {
                return null;
            }
            throw failure;
        }
        if (raw.length > 1 && raw[raw.length - 2] == '\r') {
            throw ConformanceFailure.wrongOutput(SENT, "a line ended by LF alone (senders end their lines with \\n only)",
                    Bytes.render(raw));
        }
        return new String(raw, 0, raw.length - 1, StandardCharsets.UTF_8);
    }

    /** The next line the client sends must be {@code expected}, ended by LF alone. */
    static void expectClientLine(TcpProbe connection, String expected) throws IOException {
        String line = clientLineOrClose(connection, connection.replyTimeout().multipliedBy(2));
        if (line == null) {
            throw ConformanceFailure.closed(SENT, Bytes.quote(expected));
        }
        if (!line.equals(expected)) {
            throw ConformanceFailure.wrongOutput(SENT, Bytes.quote(expected), Bytes.quote(line));
        }
    }

    /** The client must send nothing for a while ({@code why} says why it has nothing to send). */
    static void expectNothing(TcpProbe connection, String why) throws IOException {
        connection.expectNoLine(SENT, why, QUIET);
    }

    /** Sends every line in one write: they reach the client glued together in one segment. */
    static void sendTogether(TcpProbe connection, String... lines) throws IOException {
        connection.send(String.join("\n", lines) + "\n");
    }

    /** Sends the line one byte per segment: a client that takes one read for one line breaks. */
    static void sendByteByByte(TcpProbe connection, String line) throws IOException {
        connection.sendSliced(Bytes.utf8(line + "\n"), 1, Duration.ofMillis(2));
    }

    /**
     * After GAMEOVER the server closes, a moment later: the client must wait for that close (it is what makes
     * exit code 0), neither sending anything nor closing first.
     */
    static void closeAfterGameOver(TcpProbe connection) throws IOException {
        String line;
        try {
            line = clientLineOrClose(connection, Duration.ofMillis(500));
        } catch (ConformanceFailure failure) {
            if (failure.kind() == FailureKind.TIMEOUT) {
                return;
            }
            throw failure;
        }
        if (line == null) {
            throw ConformanceFailure.wrongOutput(Text.of("the client after GAMEOVER", "el cliente tras GAMEOVER"),
                    "the connection kept open until the server closes it", Text.of(
                            "the client closed the connection first, right after GAMEOVER",
                            "el cliente cerró la conexión primero, justo tras GAMEOVER"));
        }
        throw ConformanceFailure.wrongOutput(SENT, "nothing after GAMEOVER", Bytes.quote(line));
    }
}
