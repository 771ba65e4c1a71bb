package io.socketlab.grader.suites.chat;

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

/** The chat client against a fake chat server: the commands it sends, how it prints, when it prints, its exit codes. */
@ExerciseSuite(exercise = "chat", program = Program.CLIENT)
class ChatClientSuite {

    private static final Text EXIT = Text.of("the client's exit code", "el código de salida del cliente");
    private static final Text SENT = Text.of("the lines the client sent", "las líneas que envió el cliente");
    private static final Duration PRINTED_WITHIN = Duration.ofSeconds(3);

    /** Accepts NICK alice, then records every line until QUIT (which it honours by closing). */
    private static FakeTcpServer chatServer(ClientUnderTest client, List<String> received, String... pushAfterOk)
            throws IOException {
        return client.fakeServer(connection -> {
            connection.expectLine(Text.of("the client's first line", "la primera línea del cliente"), "NICK alice");
            connection.sendLine("OK alice");
            for (String line : pushAfterOk) {
                connection.sendLine(line);
            }
            recordUntilQuit(connection, received);
        });
    }

    private static void recordUntilQuit(TcpProbe connection, List<String> received) throws IOException {
        while (true) {
            String line = connection.readLine(SENT, connection.replyTimeout().multipliedBy(3));
            received.add(line);
            if (line.equals("QUIT")) {
                return;
            }
        }
    }

    private static ClientUnderTest.Run start(ClientUnderTest client, FakeTcpServer fake) {
        return client.start(fake.port(), List.of("--nick", "alice"));
    }

    private static void expectReceived(ClientResult result, FakeTcpServer fake, List<String> received, List<String> expected)
            throws Exception {
        result.expectConnectedTo(fake);
        fake.verify(SENT, Duration.ofSeconds(1));
        if (!received.equals(expected)) {
            throw ConformanceFailure.wrongOutput(SENT, expected.toString(), received.toString());
        }
    }

    @Baseline
    @Requirement(clause = "CHAT-12", points = 1)
    void registersAndQuits(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = chatServer(client, received);
        ClientUnderTest.Run run = start(client, fake);
        run.awaitStdoutLine(Text.of("the client's stdout after OK alice", "la salida del cliente tras OK alice"),
                "* connected as alice", PRINTED_WITHIN);
        run.endStdin();
        run.awaitExit(EXIT, client.timeouts().seconds(10)).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "CHAT-11", points = 2)
    void translatesCommands(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = client.fakeServer(connection -> {
            connection.expectLine(Text.of("the client's first line", "la primera línea del cliente"), "NICK alice");
            // Hold the OK back: a client that reads stdin before its nick is accepted sends something now.
            connection.expectNoLine(Text.of("the client before its nick was accepted",
                    "el cliente antes de aceptarse su nick"), "OK alice has not been sent", Duration.ofMillis(700));
            connection.sendLine("OK alice");
            recordUntilQuit(connection, received);
        });
        ClientResult result = client.run(fake.port(), List.of("--nick", "alice"),
                Bytes.utf8("hello all\n/who\n/msg bob psst, a secret\n  spaced  out \n/quit\n"));
        expectReceived(result, fake, received,
                List.of("MSG hello all", "WHO", "PRIV bob psst, a secret", "MSG   spaced  out ", "QUIT"));
        result.expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "CHAT-11", points = 1)
    void quitsAtEndOfInput(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = chatServer(client, received);
        ClientResult result = client.run(fake.port(), List.of("--nick", "alice"), Bytes.utf8("just one line\n"));
        expectReceived(result, fake, received, List.of("MSG just one line", "QUIT"));
        result.expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "CHAT-12", points = 1)
    void formatsServerLines(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = chatServer(client, received, "MSG bob hi  there", "PRIV carol a secret", "JOIN dave",
                "LEAVE dave", "USERS alice bob carol", "ERR no-such-nick", "SOMETHING else entirely");
        ClientUnderTest.Run run = start(client, fake);
        List<String> expected = List.of("* connected as alice", "[bob] hi  there", "[carol] (private) a secret",
                "* dave joined", "* dave left", "* users: alice bob carol", "! no-such-nick", "SOMETHING else entirely");
        for (String line : expected) {
            run.awaitStdoutLine(Text.of("the client's stdout", "la salida del cliente"), line, PRINTED_WITHIN);
        }
        run.endStdin();
        ClientResult result = run.awaitExit(EXIT, client.timeouts().seconds(10));
        result.expectStdoutLines(Text.of("the client's whole stdout", "toda la salida del cliente"), expected).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "CHAT-12", points = 1)
    void printsWhileStdinIsIdle(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = chatServer(client, received, "MSG bob are you there?");
        ClientUnderTest.Run run = start(client, fake);
        run.awaitStdoutLine(Text.of("the client's stdout with stdin idle", "la salida del cliente con la entrada inactiva"),
                "[bob] are you there?", PRINTED_WITHIN);
        run.endStdin();
        run.awaitExit(EXIT, client.timeouts().seconds(10)).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "CHAT-13", points = 1)
    void exitsOneWhenNickRefused(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            connection.expectLine(Text.of("the client's first line", "la primera línea del cliente"), "NICK alice");
            connection.sendLine("ERR nick-taken");
            connection.readUntilClosed(Text.of("waiting for the client to leave", "esperando a que el cliente se vaya"), 1 << 16,
                    connection.replyTimeout());
        });
        ClientResult result = client.run(fake.port(), List.of("--nick", "alice"), Bytes.utf8("never sent\n"));
        result.expectConnectedTo(fake).expectExitCode(EXIT, 1)
                .expectErrorLine(Text.of("stderr after a refused nick", "stderr tras un nick rechazado"));
    }

    @Requirement(clause = "CHAT-13", points = 1)
    void exitsTwoWhenRefusedOrCutShort(ClientUnderTest client) throws Exception {
        client.expectExitTwoWhenRefused(List.of("--nick", "alice"));
        Text firstLine = Text.of("the client's first line", "la primera línea del cliente");
        FakeTcpServer silent = client.fakeServer(connection -> connection.expectLine(firstLine, "NICK alice"));
        client.run(silent.port(), List.of("--nick", "alice"), new byte[0]).expectConnectedTo(silent)
                .expectExitCode(Text.of("exit code after a close before the reply to NICK",
                        "código de salida tras un cierre antes de la respuesta a NICK"), 2)
                .expectErrorLine(Text.of("stderr after a close before the reply to NICK",
                        "stderr tras un cierre antes de la respuesta a NICK"));
        FakeTcpServer leaving = client.fakeServer(connection -> {
            connection.expectLine(firstLine, "NICK alice");
            connection.sendLine("OK alice");
        });
        // stdin stays open: the user has typed nothing, so the client has not sent QUIT when the server leaves.
        client.start(leaving.port(), List.of("--nick", "alice"))
                .awaitExit(Text.of("waiting for the client to exit after the server closed",
                        "esperando a que el cliente termine tras el cierre del servidor"), client.timeouts().seconds(10))
                .expectConnectedTo(leaving)
                .expectExitCode(Text.of("exit code after a close before QUIT", "código de salida tras un cierre antes de QUIT"), 2)
                .expectErrorLine(Text.of("stderr after a close before QUIT", "stderr tras un cierre antes de QUIT"));
    }
}
