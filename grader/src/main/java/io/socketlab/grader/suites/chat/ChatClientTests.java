package io.socketlab.grader.suites.chat;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.suite.Baseline;
import io.socketlab.grader.suite.ClientResult;
import io.socketlab.grader.suite.ClientUnderTest;
import io.socketlab.grader.suite.ExerciseTests;
import io.socketlab.grader.suite.Requirement;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The chat client against a fake chat server: the commands it sends, how it prints, when it prints, its exit codes. */
@ExerciseTests(exercise = "chat", program = Program.CLIENT)
class ChatClientTests {

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
    @Requirement(clause = "CHAT-12", points = 1,
            title = "registers its nick, prints * connected as <nick>, and exits 0 at EOF",
            titleEs = "registra su nick, imprime * connected as <nick> y termina con 0 en EOF",
            hint = "send NICK <nick>, print \"* connected as <nick>\" on OK, send QUIT at stdin EOF, exit 0 when the server closes",
            hintEs = "envía NICK <nick>, imprime \"* connected as <nick>\" ante OK, envía QUIT en EOF y termina con 0 al cerrar el servidor")
    void registersAndQuits(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = chatServer(client, received);
        ClientUnderTest.Run run = start(client, fake);
        run.awaitStdoutLine(Text.of("the client's stdout after OK alice", "la salida del cliente tras OK alice"),
                "* connected as alice", PRINTED_WITHIN);
        run.endStdin();
        run.awaitExit(EXIT, client.timeouts().seconds(10)).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "CHAT-11", points = 2,
            title = "turns stdin lines into MSG, WHO, PRIV and QUIT, only after its nick is accepted",
            titleEs = "convierte las líneas de la entrada en MSG, WHO, PRIV y QUIT, solo tras aceptarse su nick",
            hint = "wait for OK before reading stdin; /who -> WHO, /msg n t -> PRIV n t, /quit -> QUIT, other lines -> MSG line",
            hintEs = "espera el OK antes de leer la entrada; /who -> WHO, /msg n t -> PRIV n t, /quit -> QUIT, lo demás -> MSG línea")
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

    @Requirement(clause = "CHAT-11", points = 1,
            title = "sends QUIT at stdin EOF",
            titleEs = "envía QUIT en el EOF de la entrada",
            hint = "when stdin ends, send QUIT and wait for the server to close the connection",
            hintEs = "cuando termine la entrada, envía QUIT y espera a que el servidor cierre la conexión")
    void quitsAtEndOfInput(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = chatServer(client, received);
        ClientResult result = client.run(fake.port(), List.of("--nick", "alice"), Bytes.utf8("just one line\n"));
        expectReceived(result, fake, received, List.of("MSG just one line", "QUIT"));
        result.expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "CHAT-12", points = 1,
            title = "formats every kind of server line",
            titleEs = "da formato a cada tipo de línea del servidor",
            hint = "MSG a t -> [a] t; PRIV a t -> [a] (private) t; JOIN/LEAVE a -> * a joined/left; USERS -> * users: ...; ERR x -> ! x",
            hintEs = "MSG a t -> [a] t; PRIV a t -> [a] (private) t; JOIN/LEAVE a -> * a joined/left; USERS -> * users: ...; ERR x -> ! x")
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

    @Requirement(clause = "CHAT-12", points = 1,
            title = "prints a message as it arrives, while nobody types",
            titleEs = "imprime un mensaje en cuanto llega, aunque nadie escriba",
            hint = "read the socket in its own thread and print (and flush) each line at once; do not wait for a stdin line",
            hintEs = "lee el socket en su propio hilo e imprime (con flush) cada línea al momento; no esperes una línea de la entrada")
    void printsWhileStdinIsIdle(ClientUnderTest client) throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        FakeTcpServer fake = chatServer(client, received, "MSG bob are you there?");
        ClientUnderTest.Run run = start(client, fake);
        run.awaitStdoutLine(Text.of("the client's stdout with stdin idle", "la salida del cliente con la entrada inactiva"),
                "[bob] are you there?", PRINTED_WITHIN);
        run.endStdin();
        run.awaitExit(EXIT, client.timeouts().seconds(10)).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "CHAT-13", points = 1,
            title = "exits 1 with a message when its nick is refused",
            titleEs = "termina con 1 y un mensaje si rechazan su nick",
            hint = "an ERR reply to NICK means the client cannot chat: say so on stderr and exit with status 1",
            hintEs = "un ERR como respuesta a NICK impide chatear: dilo en stderr y termina con estado 1")
    void exitsOneWhenNickRefused(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            connection.expectLine(Text.of("the client's first line", "la primera línea del cliente"), "NICK alice");
            connection.sendLine("ERR nick-taken");
            connection.readUntilClosed(1 << 16, Text.of("waiting for the client to leave", "esperando a que el cliente se vaya"),
                    connection.replyTimeout());
        });
        ClientResult result = client.run(fake.port(), List.of("--nick", "alice"), Bytes.utf8("never sent\n"));
        result.expectConnectedTo(fake).expectExitCode(EXIT, 1)
                .expectErrorLine(Text.of("stderr after a refused nick", "stderr tras un nick rechazado"));
    }

    @Requirement(clause = "CHAT-13", points = 1,
            title = "exits 2 with a message when the connection is refused or closed before QUIT",
            titleEs = "termina con 2 y un mensaje si la conexión es rechazada o se cierra antes de QUIT",
            hint = "catch the connection error; a close before your QUIT (even before the reply to NICK) is an error too: "
                    + "print one line on stderr, exit with status 2",
            hintEs = "captura el error de conexión; un cierre antes de tu QUIT (incluso antes de la respuesta a NICK) "
                    + "también es un error: escribe una línea en stderr y termina con estado 2")
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
