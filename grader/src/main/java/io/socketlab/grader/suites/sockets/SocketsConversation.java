package io.socketlab.grader.suites.sockets;

import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.Slicing;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The sockets server the grader plays for a client under test, as one scripted conversation: the greeting, the
 * lines the client must send (each checked as it arrives, each answered {@code RECEIVED n}), then {@code BYE}.
 * A gentle server answers at once and accepts CR LF, as any receiver does; a hostile one is just as correct but
 * writes the way TCP allows and a careless client does not expect (SOCK-9).
 */
final class SocketsConversation {

    /** How long the hostile server holds the connection open after its BYE: a client must wait for the close. */
    private static final Duration HOLD_BEFORE_CLOSE = Duration.ofMillis(400);
    /** The pause between the two pieces of a hostile greeting: far longer than a client needs to read the first. */
    private static final Duration GREETING_PAUSE = Duration.ofMillis(300);

    private final String greeting;
    private final List<String> messages;
    private boolean hostile;
    private String refusedMessage;
    private boolean closesAfterFirst;
    private boolean silentAfterFirst;

    private SocketsConversation(String greeting, List<String> messages) {
        this.greeting = greeting;
        this.messages = List.copyOf(messages);
    }

    /** A server that greets with {@code greeting} and expects exactly {@code messages}, then BYE. */
    static SocketsConversation expecting(String greeting, List<String> messages) {
        return new SocketsConversation(greeting, messages);
    }

    /**
     * The same conversation from a server that sends its greeting in two pieces (cut inside its second word), every
     * reply one byte per segment, holds the connection a while after its BYE, and requires of the client what the
     * contract requires of senders: lines ending in LF alone, and nothing after BYE.
     */
    SocketsConversation hostile() {
        this.hostile = true;
        return this;
    }

    /** Answers {@code message} with {@code ERR line-too-long} and closes, as a server does for an over-long line. */
    SocketsConversation refusing(String message) {
        this.refusedMessage = message;
        return this;
    }

    /** Closes the connection right after reading the first message, before answering it. */
    SocketsConversation closingAfterTheFirstMessage() {
        this.closesAfterFirst = true;
        return this;
    }

    /** Reads the first message and then answers nothing more, until the client leaves. */
    SocketsConversation silentAfterTheFirstMessage() {
        this.silentAfterFirst = true;
        return this;
    }

    /** Starts the fake server; it plays this conversation with the first client that connects. */
    FakeTcpServer start(ClientUnderTest client) throws IOException {
        return client.fakeServer(this::play);
    }

    private void play(TcpProbe connection) throws Exception {
        if (hostile) {
            connection.lfOnly();
            int cut = Math.min(Bytes.utf8(greeting).length, "HELLO ".length() + 4);
            connection.send(Bytes.utf8(greeting + "\n"), Slicing.at(cut).pausing(GREETING_PAUSE));
            connection.slicing(Slicing.everyByte());
        } else {
            connection.sendLine(greeting);
        }
        for (String message : messages) {
            connection.expectLine(message);
            if (closesAfterFirst) {
                return;
            }
            if (silentAfterFirst) {
                // Until the client gives up (it must, after 10 s) and closes: it may send nothing meanwhile.
                connection.expectClosed(connection.replyTimeout().multipliedBy(4));
                return;
            }
            if (message.equals(refusedMessage)) {
                connection.sendLine("ERR line-too-long").shutdownOutput();
                connection.expectSilence(HOLD_BEFORE_CLOSE);
                return;
            }
            connection.sendLine("RECEIVED " + Bytes.utf8(message).length);
        }
        connection.expectLine("BYE");
        connection.sendLine("BYE");
        if (hostile) {
            connection.expectSilence(HOLD_BEFORE_CLOSE);
        }
    }
}
