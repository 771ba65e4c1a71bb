package io.socketlab.grader.suites.chat;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The chat server's side of a conversation with a client under test, as TCP allows it and a careless client does not
 * expect: lines glued into one segment (or cut at every byte, with {@code Slicing}), lines queued before QUIT that
 * still arrive after it. What the client sends is read as senders must write it: lines ended by LF alone.
 */
final class ChatFake {

    static final String NICK = "alice";
    /** How long the fake holds the connection after QUIT before its last lines and its close. */
    private static final Duration HOLD_AFTER_QUIT = Duration.ofMillis(500);

    private ChatFake() {
    }

    /** Reads the client's NICK strictly (LF alone from now on). */
    static void expectNick(TcpProbe connection) throws IOException {
        connection.lfOnly().expectLine("NICK " + NICK);
    }

    /** Records the client's lines until QUIT; the client must not close first. */
    static void recordUntilQuit(TcpProbe connection, List<String> received) throws IOException {
        Text step = Text.of("the lines the client sends, until QUIT", "las líneas que envía el cliente, hasta QUIT");
        while (true) {
            String line = connection.readLineOrClose(step, connection.replyTimeout().multipliedBy(3));
            if (line == null) {
                throw ConformanceFailure.closed(step, Text.of("QUIT, then the server's close", "QUIT, y después el cierre"
                        + " del servidor"), Text.format("the lines %s", "las líneas %s", render(received)));
            }
            received.add(line);
            if (line.equals("QUIT")) {
                return;
            }
        }
    }

    /** Sends every line in one write: they reach the client glued together in one segment. */
    static void sendTogether(TcpProbe connection, String... lines) throws IOException {
        connection.send(String.join("\n", lines) + "\n");
    }

    /**
     * After the client's QUIT: nothing more may come from it for a while; then, like a server sending the lines still
     * queued before its close (CHAT-7), {@code late} lines reach it, and only then the connection closes. A client
     * that exits right after QUIT never prints them.
     */
    static void closeAfterQuit(TcpProbe connection, String... late) throws IOException {
        connection.expectSilence(HOLD_AFTER_QUIT);
        try {
            sendTogether(connection, late);
        } catch (IOException gone) {
            // The client has already gone: its output shows what it missed.
        }
    }

    /** {@code ["a", "b"]} for a report. */
    static String render(List<String> lines) {
        return lines.stream().map(Bytes::quote).collect(Collectors.joining(", ", "[", "]"));
    }
}
