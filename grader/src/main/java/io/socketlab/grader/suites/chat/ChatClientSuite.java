package io.socketlab.grader.suites.chat;

import static io.socketlab.grader.suites.chat.ChatFake.NICK;
import static io.socketlab.grader.suites.chat.ChatFake.SENT;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The chat client against a fake chat server: the commands it sends, how and when it prints, its exit codes. Past the
 * baseline the fake is hostile as TCP allows: its lines arrive glued together or one byte at a time, lines still
 * arrive after QUIT, and what the client sends must end in LF alone.
 */
@ExerciseSuite(exercise = "chat", program = Program.CLIENT)
class ChatClientSuite {

    private static final Text EXIT = Text.of("the client's exit code", "el código de salida del cliente");
    private static final Text OUTPUT = Text.of("the client's stdout", "la salida estándar del cliente");
    private static final Text FIRST_LINE = Text.of("the client's first line", "la primera línea del cliente");
    private static final List<String> NICK_ARGUMENT = List.of("--nick", NICK);

    /** An interactive client's time to print a line: room for a JVM to start on a busy machine. */
    private static Duration printedWithin(ClientUnderTest client) {
        return client.timeouts().seconds(10);
    }

    private static void expectReceived(ClientResult result, FakeTcpServer fake, List<String> received, List<String> expected)
            throws Exception {
        result.expectConnectedTo(fake);
        fake.verify(SENT, Duration.ofSeconds(1));
        if (!received.equals(expected)) {
            throw ConformanceFailure.wrongOutput(SENT, ChatFake.render(expected), ChatFake.render(received));
        }
    }

    @Baseline
    @Requirement(clause = "CHAT-12", points = 1)
    void registersAndQuits(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = client.fakeServer(connection -> {
            connection.expectLine(FIRST_LINE, "NICK " + NICK);
            connection.sendLine("OK " + NICK);
            while (!connection.readLine(SENT, connection.replyTimeout().multipliedBy(3)).equals("QUIT")) {
                // the baseline is gentle: whatever the client sends before QUIT
            }
        });
        ClientUnderTest.Run run = client.start(fake.port(), NICK_ARGUMENT);
        run.awaitStdoutLine(Text.of("the client's stdout after OK alice", "la salida del cliente tras OK alice"),
                "* connected as " + NICK, printedWithin(client));
        run.endStdin();
        run.awaitExit(EXIT, client.timeouts().seconds(10)).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "CHAT-11", points = 2)
    void translatesCommands(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = client.fakeServer(connection -> {
            ChatFake.expectClientLine(connection, "NICK " + NICK);
            // Hold the OK back: a client that reads stdin before its nick is accepted sends something now.
            connection.expectNoLine(Text.of("the client before its nick was accepted",
                    "el cliente antes de aceptarse su nick"), "OK alice has not been sent", Duration.ofMillis(700));
            connection.sendLine("OK " + NICK);
            ChatFake.recordUntilQuit(connection, received);
        });
        ClientResult result = client.run(fake.port(), NICK_ARGUMENT, Bytes.utf8(
                "hello all\n/who\n/msg bob psst, a secret\n  spaced  out \n\n/WHO\n/msg\n/help\nwith crlf\r\n/quit\nnever read\n"));
        expectReceived(result, fake, received, List.of("MSG hello all", "WHO", "PRIV bob psst, a secret",
                "MSG   spaced  out ", "MSG ", "MSG /WHO", "MSG /msg", "MSG /help", "MSG with crlf", "QUIT"));
        result.expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "CHAT-11", points = 1)
    void quitsAtEndOfInputAndWaitsForTheClose(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = client.fakeServer(connection -> {
            ChatFake.expectClientLine(connection, "NICK " + NICK);
            connection.sendLine("OK " + NICK);
            ChatFake.recordUntilQuit(connection, received);
            ChatFake.closeAfterQuit(connection, "MSG bob see you", "LEAVE bob");
        });
        ClientResult result = client.run(fake.port(), NICK_ARGUMENT, Bytes.utf8("just one line\nno newline at the end"));
        expectReceived(result, fake, received, List.of("MSG just one line", "MSG no newline at the end", "QUIT"));
        result.expectStdoutLines(Text.of("the client's stdout, the lines sent after its QUIT included",
                        "la salida del cliente, con las líneas enviadas tras su QUIT"),
                List.of("* connected as " + NICK, "[bob] see you", "* bob left"))
                .expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "CHAT-12", points = 1)
    void formatsServerLinesHoweverTheyArrive(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        String longText = "x".repeat(4092);
        FakeTcpServer fake = client.fakeServer(connection -> {
            ChatFake.expectClientLine(connection, "NICK " + NICK);
            ChatFake.sendTogether(connection, "OK " + NICK, "MSG bob hi  there", "PRIV carol a secret", "JOIN dave",
                    "LEAVE dave", "USERS alice bob carol", "ERR no-such-nick", "SOMETHING else entirely", "MSG bob ",
                    "PRIV carol");
            connection.sendSliced(Bytes.utf8("MSG bob " + longText + "\n"), 1000, Duration.ofMillis(20));
            ChatFake.sendByteByByte(connection, "MSG bob héllo 😀 日本");
            ChatFake.recordUntilQuit(connection, received);
        });
        ClientUnderTest.Run run = client.start(fake.port(), NICK_ARGUMENT);
        List<String> expected = List.of("* connected as " + NICK, "[bob] hi  there", "[carol] (private) a secret",
                "* dave joined", "* dave left", "* users: alice bob carol", "! no-such-nick", "SOMETHING else entirely",
                "[bob] ", "[carol] (private) ", "[bob] " + longText, "[bob] héllo 😀 日本");
        run.awaitStdoutLine(OUTPUT, expected.get(expected.size() - 1), printedWithin(client));
        run.endStdin();
        ClientResult result = run.awaitExit(EXIT, client.timeouts().seconds(10));
        result.expectStdoutLines(Text.of("the client's whole stdout", "toda la salida del cliente"), expected)
                .expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "CHAT-12", points = 1)
    void printsWhileStdinIsIdle(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = client.fakeServer(connection -> {
            ChatFake.expectClientLine(connection, "NICK " + NICK);
            ChatFake.sendTogether(connection, "OK " + NICK, "JOIN bob");
            ChatFake.sendByteByByte(connection, "MSG bob are you there?");
            ChatFake.recordUntilQuit(connection, received);
        });
        ClientUnderTest.Run run = client.start(fake.port(), NICK_ARGUMENT);
        run.awaitStdoutLine(Text.of("the client's stdout while nobody types", "la salida del cliente mientras nadie escribe"),
                "[bob] are you there?", printedWithin(client));
        // /quit with stdin left open: the server's close must end the client, not the end of its input.
        run.type("/quit\n");
        ClientResult result = run.awaitExit(Text.of("waiting for the client to exit after /quit, stdin still open",
                "esperando a que el cliente termine tras /quit, con la entrada aún abierta"), client.timeouts().seconds(10));
        expectReceived(result, fake, received, List.of("QUIT"));
        result.expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "CHAT-13", points = 1)
    void exitsOneWhenNickRefused(ClientUnderTest client) throws Exception {
        List<String> afterRefusal = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = client.fakeServer(connection -> {
            ChatFake.expectClientLine(connection, "NICK " + NICK);
            ChatFake.sendByteByByte(connection, "ERR nick-taken");
            refusedClientGoesAway(connection, afterRefusal);
        });
        ClientResult result = client.run(fake.port(), NICK_ARGUMENT, Bytes.utf8("never sent\n"));
        result.expectConnectedTo(fake);
        fake.verify(SENT, Duration.ofSeconds(1));
        if (!afterRefusal.isEmpty()) {
            throw ConformanceFailure.wrongOutput(Text.of("what the client sent after its nick was refused",
                            "lo que envió el cliente tras rechazarse su nick"),
                    "nothing read from stdin (at most QUIT), then its close", ChatFake.render(afterRefusal));
        }
        result.expectStdoutLines(Text.of("the client's stdout after a refused nick", "la salida del cliente tras un nick rechazado"),
                        List.of("! nick-taken"))
                .expectExitCode(EXIT, 1)
                .expectErrorLine(Text.of("stderr after a refused nick", "stderr tras un nick rechazado"));
    }

    /** After a refusal the client sends nothing of its stdin (a QUIT is harmless) and closes; the fake records the rest. */
    private static void refusedClientGoesAway(TcpProbe connection, List<String> afterRefusal) throws IOException {
        while (true) {
            String line = ChatFake.clientLineOrClose(connection, connection.replyTimeout());
            if (line == null || line.equals("QUIT")) {
                return;
            }
            afterRefusal.add(line);
        }
    }

    @Requirement(clause = "CHAT-13", points = 1)
    void exitsTwoWhenRefusedOrCutShort(ClientUnderTest client) throws Exception {
        client.expectExitTwoWhenRefused(NICK_ARGUMENT);
        FakeTcpServer silent = client.fakeServer(connection -> connection.expectLine(FIRST_LINE, "NICK " + NICK));
        client.run(silent.port(), NICK_ARGUMENT, new byte[0]).expectConnectedTo(silent)
                .expectExitCode(Text.of("exit code after a close before the reply to NICK",
                        "código de salida tras un cierre antes de la respuesta a NICK"), 2)
                .expectErrorLine(Text.of("stderr after a close before the reply to NICK",
                        "stderr tras un cierre antes de la respuesta a NICK"));
        FakeTcpServer leaving = client.fakeServer(connection -> {
            connection.expectLine(FIRST_LINE, "NICK " + NICK);
            connection.sendLine("OK " + NICK);
        });
        // stdin stays open: the user has typed nothing, so the client has not sent QUIT when the server leaves.
        client.start(leaving.port(), NICK_ARGUMENT)
                .awaitExit(Text.of("waiting for the client to exit after the server closed",
                        "esperando a que el cliente termine tras el cierre del servidor"), client.timeouts().seconds(10))
                .expectConnectedTo(leaving)
                .expectExitCode(Text.of("exit code after a close before QUIT", "código de salida tras un cierre antes de QUIT"), 2)
                .expectErrorLine(Text.of("stderr after a close before QUIT", "stderr tras un cierre antes de QUIT"));
    }
}
