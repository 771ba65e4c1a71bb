package io.socketlab.grader.suites.sockets;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.suite.Baseline;
import io.socketlab.grader.suite.ClientResult;
import io.socketlab.grader.suite.ClientUnderTest;
import io.socketlab.grader.suite.ExerciseTests;
import io.socketlab.grader.suite.Requirement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The sockets client against a scripted fake server: what it sends, what it prints, how it exits. */
@ExerciseTests(exercise = "sockets", program = Program.CLIENT)
class SocketsClientTests {

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
        fake.verify(SENT, java.time.Duration.ofSeconds(1));
        if (!received.equals(expected)) {
            throw ConformanceFailure.wrongOutput(SENT, quoted(expected), quoted(received));
        }
    }

    private static String quoted(List<String> lines) {
        return lines.stream().map(Bytes::quote).toList().toString();
    }

    @Baseline
    @Requirement(clause = "SOCK-9", points = 1,
            title = "sends a message and BYE, prints the conversation, exits 0",
            titleEs = "envía un mensaje y BYE, imprime la conversación y termina con 0",
            hint = "read the greeting, send the line, read its reply, send BYE, read BYE, print every line received",
            hintEs = "lee el saludo, envía la línea, lee su respuesta, envía BYE, lee BYE e imprime cada línea recibida")
    void sendsOneMessageAndBye(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = fakeServer(client, "HELLO fake", received);
        ClientResult result = client.run(fake.port(), List.of("hello"), new byte[0]);
        expectSent(result, fake, received, List.of("hello", "BYE"));
        result.expectStdoutLines(OUTPUT, List.of("HELLO fake", "RECEIVED 5", "BYE")).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "SOCK-9", points = 1,
            title = "sends every MESSAGE argument as one line, in order, then BYE",
            titleEs = "envía cada argumento MESSAGE como una línea, en orden, y luego BYE",
            hint = "one line per argument, each ending in \\n, UTF-8 encoded, then the line BYE",
            hintEs = "una línea por argumento, cada una terminada en \\n y codificada en UTF-8, y luego la línea BYE")
    void sendsEveryArgumentInOrder(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = fakeServer(client, "HELLO fake", received);
        ClientResult result = client.run(fake.port(), List.of("one", "two words", "ünï"), new byte[0]);
        expectSent(result, fake, received, List.of("one", "two words", "ünï", "BYE"));
        result.expectStdoutLines(OUTPUT, List.of("HELLO fake", "RECEIVED 3", "RECEIVED 9", "RECEIVED 5", "BYE"))
                .expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "SOCK-9", points = 1,
            title = "prints the server's lines verbatim",
            titleEs = "imprime las líneas del servidor tal cual",
            hint = "print each received line exactly as it came (spaces and all), one per line",
            hintEs = "imprime cada línea recibida exactamente como llegó (espacios incluidos), una por línea")
    void printsServerLinesVerbatim(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        String greeting = "HELLO  Señor Servidor  ";
        FakeTcpServer fake = fakeServer(client, greeting, received);
        ClientResult result = client.run(fake.port(), List.of("x"), new byte[0]);
        expectSent(result, fake, received, List.of("x", "BYE"));
        result.expectStdoutLines(OUTPUT, List.of(greeting, "RECEIVED 1", "BYE")).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "SOCK-10", points = 1,
            title = "with no MESSAGE, sends each stdin line until EOF, then BYE",
            titleEs = "sin MESSAGE, envía cada línea de la entrada estándar hasta EOF y luego BYE",
            hint = "with no arguments read stdin line by line (empty lines too) and send each one; at EOF send BYE",
            hintEs = "sin argumentos lee la entrada estándar línea a línea (también las vacías) y envía cada una; en EOF envía BYE")
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

    @Requirement(clause = "SOCK-10", points = 1,
            title = "sends a CR LF line without its CR and a last line without LF; empty input sends only BYE",
            titleEs = "envía una línea CR LF sin su CR y una última línea sin LF; una entrada vacía solo envía BYE",
            hint = "strip one CR before each LF; at end of input send what is left as a line; with no input send just BYE",
            hintEs = "quita un CR antes de cada LF; al final de la entrada envía lo que quede como una línea; sin entrada envía solo BYE")
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

    @Requirement(clause = "SOCK-11", points = 1,
            title = "exits 2 with a message when the connection is refused",
            titleEs = "termina con 2 y un mensaje si la conexión es rechazada",
            hint = "catch the connection error, print one line on stderr, exit with status 2",
            hintEs = "captura el error de conexión, escribe una línea en stderr y termina con estado 2")
    void exitsTwoWhenRefused(ClientUnderTest client) {
        client.expectExitTwoWhenRefused(List.of("hello"));
    }

    @Requirement(clause = "SOCK-11", points = 1,
            title = "exits 2 with a message when the server closes before the exchange is over",
            titleEs = "termina con 2 y un mensaje si el servidor cierra antes de acabar el intercambio",
            hint = "reading end of stream before BYE's reply means the conversation failed: exit 2, say so on stderr",
            hintEs = "leer fin de flujo antes de la respuesta a BYE significa que la conversación falló: termina con 2 y dilo en stderr")
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
