package io.socketlab.grader.suites.quiz;

import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.time.Duration;

/**
 * The quiz server's side of a conversation with a client under test, as TCP allows it and a careless client does not
 * expect: lines glued into one segment (or cut at every byte, with {@code Slicing}), a close that comes a while after
 * GAMEOVER. What the client sends is read as senders must write it: lines ended by LF alone.
 */
final class QuizFake {

    /** How long the client must stay quiet when it has nothing to send. */
    private static final Duration QUIET = Duration.ofMillis(700);
    /** How long the fake holds the connection open after GAMEOVER before it closes. */
    private static final Duration HOLD_AFTER_GAMEOVER = Duration.ofMillis(500);

    private QuizFake() {
    }

    /** Reads the client's JOIN strictly (LF alone from now on). */
    static void expectJoin(TcpProbe connection) throws IOException {
        connection.lfOnly().expectLine("JOIN red");
    }

    /** The client must send nothing for a while: {@code why} says why it has nothing to send. */
    static void expectNothing(TcpProbe connection, Text why) throws IOException {
        connection.expectNoLine(Text.of("what the client sends meanwhile", "lo que envía el cliente entretanto"), why, QUIET);
    }

    /** Sends every line in one write: they reach the client glued together in one segment. */
    static void sendTogether(TcpProbe connection, String... lines) throws IOException {
        connection.send(String.join("\n", lines) + "\n");
    }

    /**
     * After GAMEOVER the server closes a moment later: the client sends nothing meanwhile, and must wait for that
     * close before it exits (the test checks with {@code expectExitedAfterTheCloseOf}).
     */
    static void closeAfterGameOver(TcpProbe connection) throws IOException {
        connection.expectSilence(HOLD_AFTER_GAMEOVER);
    }
}
