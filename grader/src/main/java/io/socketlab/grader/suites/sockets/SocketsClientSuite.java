package io.socketlab.grader.suites.sockets;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The sockets client against a scripted fake server: what it sends, what it prints, how it exits. */
@ExerciseSuite(exercise = "sockets", program = Program.CLIENT)
class SocketsClientSuite {

    private static final Text EXIT = Text.of("the client's exit code", "el código de salida del cliente");
    private static final Text OUTPUT = Text.of("the client's stdout", "la salida estándar del cliente");
    private static final Text SENT = Text.of("the lines the client sent", "las líneas que envió el cliente");

    /** A correct sockets server that records every line the client sends. */
    private static FakeTcpServer fakeServer(ClientUnderTest client, String greeting, List<String> received)
            throws Exception {
        return client.fakeServer(connection -> {
            connection.sendLine(greeting);
            while (true) {
                String line = connection.readLine(Text.of("waiting for the client's next line",
                        "esperando la siguiente línea del cliente"), connection.replyTimeout().multipliedBy(2));
                received.add(line);
                if (line.equals("BYE")) {
                    connection.sendLine("BYE");
                    return;
                }
                connection.sendLine("RECEIVED " + line.getBytes(StandardCharsets.UTF_8).length);
            }
        });
    }

    private static void expectSent(ClientResult result, FakeTcpServer fake, List<String> received, List<String> expected)
            throws Exception {
        result.expectConnectedTo(fake);
        // The client has exited: whatever it sent is in, so the fake needs only a moment to finish.
        fake.verify(SENT, Duration.ofSeconds(1));
        if (!received.equals(expected)) {
            throw ConformanceFailure.wrongOutput(SENT, quoted(expected), quoted(received));
        }
    }

    private static String quoted(List<String> lines) {
        return lines.stream().map(Bytes::quote).toList().toString();
    }

    @Baseline
    @Requirement(clause = "SOCK-9", points = 1)
    void sendsOneMessageAndBye(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = fakeServer(client, "HELLO fake", received);
        ClientResult result = client.run(fake.port(), List.of("hello"), new byte[0]);
        expectSent(result, fake, received, List.of("hello", "BYE"));
        result.expectStdoutLines(OUTPUT, List.of("HELLO fake", "RECEIVED 5", "BYE")).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "SOCK-9", points = 1)
    void sendsEveryArgumentInOrder(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = fakeServer(client, "HELLO fake", received);
        ClientResult result = client.run(fake.port(), List.of("one", "two words", "ünï"), new byte[0]);
        expectSent(result, fake, received, List.of("one", "two words", "ünï", "BYE"));
        result.expectStdoutLines(OUTPUT, List.of("HELLO fake", "RECEIVED 3", "RECEIVED 9", "RECEIVED 5", "BYE"))
                .expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "SOCK-9", points = 1)
    void printsServerLinesVerbatim(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        String greeting = "HELLO  Señor Servidor  ";
        FakeTcpServer fake = fakeServer(client, greeting, received);
        ClientResult result = client.run(fake.port(), List.of("x"), new byte[0]);
        expectSent(result, fake, received, List.of("x", "BYE"));
        result.expectStdoutLines(OUTPUT, List.of(greeting, "RECEIVED 1", "BYE")).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "SOCK-10", points = 1)
    void sendsStdinLinesWithoutArguments(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = fakeServer(client, "HELLO fake", received);
        byte[] stdin = "first\nsecond line\n\nlast one\n".getBytes(StandardCharsets.UTF_8);
        ClientResult result = client.run(fake.port(), List.of(), stdin);
        expectSent(result, fake, received, List.of("first", "second line", "", "last one", "BYE"));
        result.expectStdoutLines(OUTPUT,
                List.of("HELLO fake", "RECEIVED 5", "RECEIVED 11", "RECEIVED 0", "RECEIVED 8", "BYE"))
                .expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "SOCK-10", points = 1)
    void handlesStdinLineEnds(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = fakeServer(client, "HELLO fake", received);
        ClientResult result = client.run(fake.port(), List.of(), Bytes.utf8("windows\r\nno newline"));
        expectSent(result, fake, received, List.of("windows", "no newline", "BYE"));
        result.expectStdoutLines(OUTPUT, List.of("HELLO fake", "RECEIVED 7", "RECEIVED 10", "BYE")).expectExitCode(EXIT, 0);
        List<String> receivedWhenEmpty = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer empty = fakeServer(client, "HELLO fake", receivedWhenEmpty);
        ClientResult emptyResult = client.run(empty.port(), List.of(), new byte[0]);
        expectSent(emptyResult, empty, receivedWhenEmpty, List.of("BYE"));
        emptyResult.expectStdoutLines(OUTPUT, List.of("HELLO fake", "BYE")).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "SOCK-11", points = 1)
    void exitsTwoWhenRefused(ClientUnderTest client) {
        client.expectExitTwoWhenRefused(List.of("hello"));
    }

    @Requirement(clause = "SOCK-11", points = 1)
    void exitsTwoWhenServerClosesEarly(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            connection.sendLine("HELLO fake");
            connection.readLine(Text.of("waiting for the first line", "esperando la primera línea"));
        });
        ClientResult result = client.run(fake.port(), List.of("one", "two"), new byte[0]);
        result.expectExitCode(EXIT, 2).expectErrorLine(Text.of("stderr after an early close",
                "stderr tras un cierre prematuro"));
    }

}
