package io.socketlab.grader.suites.chat;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The chat server's side of a conversation with a client under test, as TCP allows it and a careless client does not
 * expect: lines glued into one segment or cut at every byte, lines queued before QUIT that still arrive after it. What
 * the client sends is read strictly: senders end their lines with LF only (specs/chat.md, Conventions).
 */
final class ChatFake {

    static final String NICK = "alice";
    static final Text SENT = Text.of("the lines the client sent", "las líneas que envió el cliente");

    private ChatFake() {
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

    /** The next line the client sends, which must be {@code expected}, ended by LF alone. */
    static void expectClientLine(TcpProbe connection, String expected) throws IOException {
        String line = clientLineOrClose(connection, connection.replyTimeout());
        if (line == null) {
            throw ConformanceFailure.closed(SENT, Bytes.quote(expected));
        }
        if (!line.equals(expected)) {
            throw ConformanceFailure.wrongOutput(SENT, Bytes.quote(expected), Bytes.quote(line));
        }
    }

    /** Records the client's lines until QUIT, each ended by LF alone; the client must not close first. */
    static void recordUntilQuit(TcpProbe connection, List<String> received) throws IOException {
        while (true) {
            String line = clientLineOrClose(connection, connection.replyTimeout().multipliedBy(3));
            if (line == null) {
                throw ConformanceFailure.closed(SENT, "QUIT, then the server's close", render(received));
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

    /** Sends the line one byte per segment: a client that takes one read for one line, or decodes each read, breaks. */
    static void sendByteByByte(TcpProbe connection, String line) throws IOException {
        connection.sendSliced(Bytes.utf8(line + "\n"), 1, Duration.ofMillis(2));
    }

    /**
     * After the client's QUIT: nothing more may come from it; then, like a server sending the lines still queued
     * before the close (CHAT-7), {@code late} lines reach it, and only then the connection closes. A client that exits
     * right after QUIT never prints them.
     */
    static void closeAfterQuit(TcpProbe connection, String... late) throws IOException {
        try {
            String more = clientLineOrClose(connection, Duration.ofMillis(500));
            if (more != null) {
                throw ConformanceFailure.wrongOutput(SENT, "nothing after QUIT", Bytes.quote(more));
            }
        } catch (ConformanceFailure failure) {
            if (failure.kind() != FailureKind.TIMEOUT) {
                throw failure;
            }
        }
        try {
            sendTogether(connection, late);
        } catch (IOException gone) {
            // The client has already gone: its output shows what it missed.
        }
    }

    /** {@code [a, b]} as lines for a report. */
    static String render(List<String> lines) {
        return Arrays.toString(lines.stream().map(Bytes::quote).toArray());
    }
}
