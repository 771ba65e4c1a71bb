package io.socketlab.grader.suites.echo;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.FakeUdpServer;
import io.socketlab.grader.suite.Baseline;
import io.socketlab.grader.suite.ClientResult;
import io.socketlab.grader.suite.ClientUnderTest;
import io.socketlab.grader.suite.ExerciseTests;
import io.socketlab.grader.suite.Requirement;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The echo client against fake TCP and UDP servers: byte-exact copying, half-close, retries and LOST. */
@ExerciseTests(exercise = "echo", program = Program.CLIENT)
class EchoClientTests {

    private static final Text EXIT = Text.of("the client's exit code", "el código de salida del cliente");
    private static final Text OUTPUT = Text.of("the client's stdout", "la salida estándar del cliente");

    /** An RFC 862 echo server: echoes as it reads, closes after the client's half-close. */
    private static FakeTcpServer echoServer(ClientUnderTest client) throws Exception {
        return client.fakeServer(connection -> {
            connection.socket().setSoTimeout((int) connection.replyTimeout().multipliedBy(2).toMillis());
            InputStream in = connection.socket().getInputStream();
            OutputStream out = connection.socket().getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
            }
            out.flush();
            connection.socket().shutdownOutput();
        });
    }

    @Baseline
    @Requirement(clause = "ECHO-8", points = 1,
            title = "copies a line from stdin to the server and the echo to stdout, exits 0",
            titleEs = "copia una línea de la entrada al servidor y el eco a la salida, y termina con 0",
            hint = "copy stdin to the socket; at EOF half-close (shutdownOutput) and copy the socket to stdout until it closes",
            hintEs = "copia la entrada al socket; en EOF cierra la escritura (shutdownOutput) y copia el socket a la salida hasta que se cierre")
    void echoesALine(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = echoServer(client);
        byte[] input = Bytes.utf8("hello\n");
        ClientResult result = client.run(fake.port(), List.of(), input);
        result.expectConnectedTo(fake).expectStdoutBytes(OUTPUT, input).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "ECHO-8", points = 1,
            title = "copies 1 MiB of binary data byte for byte",
            titleEs = "copia 1 MiB de datos binarios byte a byte",
            hint = "use byte streams (System.in / sys.stdin.buffer), never text readers or print(): no decoding, no added newlines",
            hintEs = "usa flujos de bytes (System.in / sys.stdin.buffer), nunca lectores de texto ni print(): sin decodificar ni añadir saltos")
    void copiesBinaryDataByteForByte(ClientUnderTest client, Random random) throws Exception {
        FakeTcpServer fake = echoServer(client);
        byte[] input = new byte[(1 << 20) + 256 * 4];
        random.nextBytes(input);
        for (int i = 0; i < 1024; i++) {
            input[i] = (byte) i;
        }
        ClientResult result = client.run(fake.port(), List.of(), input);
        result.expectConnectedTo(fake).expectStdoutBytes(OUTPUT, input).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "ECHO-8", points = 1,
            title = "half-closes at stdin EOF and prints what the server sends afterwards",
            titleEs = "cierra la escritura en EOF y muestra lo que el servidor envíe después",
            hint = "at stdin EOF call shutdownOutput() (not close()), then keep reading until the server closes",
            hintEs = "en EOF de la entrada llama a shutdownOutput() (no close()) y sigue leyendo hasta que el servidor cierre")
    void printsWhatArrivesAfterHalfClose(ClientUnderTest client, Random random) throws Exception {
        byte[] input = new byte[200 * 1024];
        random.nextBytes(input);
        byte[] tail = Bytes.utf8("-- sent after your half-close --\n");
        FakeTcpServer fake = client.fakeServer(connection -> {
            // Echo nothing until the client half-closes: a client that closes at EOF loses all of it.
            byte[] all = connection.readUntilClosed(input.length, Text.of("reading the client's data until its half-close",
                    "leyendo los datos del cliente hasta su cierre de escritura"), connection.replyTimeout().multipliedBy(2));
            connection.send(all);
            connection.send(tail);
        });
        ClientResult result = client.run(fake.port(), List.of(), input).expectConnectedTo(fake);
        byte[] expected = Arrays.copyOf(input, input.length + tail.length);
        System.arraycopy(tail, 0, expected, input.length, tail.length);
        result.expectStdoutBytes(OUTPUT, expected).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "ECHO-9", points = 1,
            title = "UDP: sends each stdin line as one datagram and prints each echo",
            titleEs = "UDP: envía cada línea de la entrada como un datagrama e imprime cada eco",
            hint = "one datagram per line, without the \\n; print each echoed payload followed by \\n",
            hintEs = "un datagrama por línea, sin el \\n; imprime cada carga devuelta seguida de \\n")
    void udpSendsLinesAsDatagrams(ClientUnderTest client) throws Exception {
        FakeUdpServer fake = client.fakeUdpServer((index, payload) -> Optional.of(payload));
        List<String> lines = List.of("alpha", "beta gamma", "ñandú");
        ClientResult result = client.run(fake.port(), List.of("--udp"), stdin(lines));
        List<String> sent = fake.received().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        if (!sent.equals(lines)) {
            throw ConformanceFailure.wrongOutput(Text.of("the datagrams the client sent", "los datagramas que envió el cliente"),
                    lines.toString(), sent.toString());
        }
        result.expectStdoutLines(OUTPUT, lines).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "ECHO-9", points = 1,
            title = "UDP: sends a datagram again when its echo does not come back",
            titleEs = "UDP: reenvía un datagrama cuando su eco no vuelve",
            hint = "set a receive timeout of --timeout-ms; on timeout send the same datagram again (3 sends in all)",
            hintEs = "pon un tiempo de espera de --timeout-ms al recibir; si vence, reenvía el mismo datagrama (3 envíos en total)")
    void udpRetriesALostDatagram(ClientUnderTest client) throws Exception {
        FakeUdpServer fake = client.fakeUdpServer((index, payload) -> index == 0 ? Optional.empty() : Optional.of(payload));
        List<String> lines = List.of("first", "second");
        ClientResult result = client.run(fake.port(), List.of("--udp", "--timeout-ms", "300"), stdin(lines));
        result.expectStdoutLines(OUTPUT, lines).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "ECHO-9", points = 1,
            title = "UDP: after 3 sends, or for a line too long for a datagram, reports LOST <line>, goes on, exits 1",
            titleEs = "UDP: tras 3 envíos, o con una línea demasiado larga para un datagrama, informa LOST <línea>, continúa y termina con 1",
            hint = "after the third unanswered send print \"LOST <line>\" on stderr, continue with the next line, exit 1 at the end; "
                    + "a line over 65507 bytes is LOST at once, never sent",
            hintEs = "tras el tercer envío sin respuesta escribe \"LOST <línea>\" en stderr, sigue con la siguiente y termina con 1; "
                    + "una línea de más de 65507 bytes es LOST enseguida, sin enviarla")
    void udpReportsLostLines(ClientUnderTest client) throws Exception {
        FakeUdpServer fake = client.fakeUdpServer((index, payload) ->
                Arrays.equals(payload, Bytes.utf8("never echoed")) ? Optional.empty() : Optional.of(payload));
        String tooLong = "x".repeat(65_508);
        ClientResult result = client.run(fake.port(), List.of("--udp", "--timeout-ms", "200"),
                stdin(List.of("kept", "never echoed", tooLong, "after")));
        result.expectStdoutLines(OUTPUT, List.of("kept", "after")).expectExitCode(EXIT, 1);
        Text step = Text.of("the client's stderr", "la salida de error del cliente");
        if (result.stderrLines().stream().noneMatch(l -> l.strip().equals("LOST never echoed"))) {
            throw ConformanceFailure.wrongOutput(step, "a line \"LOST never echoed\"", Bytes.quote(result.stderr()));
        }
        if (result.stderrLines().stream().noneMatch(l -> l.strip().equals("LOST " + tooLong))) {
            throw ConformanceFailure.wrongOutput(step, "a line \"LOST xxx...\" for the 65508-byte line",
                    Bytes.quote(result.stderr()));
        }
        long sends = fake.received().stream().filter(b -> Arrays.equals(b, Bytes.utf8("never echoed"))).count();
        if (sends > 3) {
            throw ConformanceFailure.wrongOutput(Text.of("how often the lost line was sent", "cuántas veces se envió la línea perdida"),
                    "at most 3 sends", Text.of(sends + " sends", sends + " envíos"));
        }
    }

    @Requirement(clause = "ECHO-10", points = 1,
            title = "exits 2 with a message when the TCP connection is refused",
            titleEs = "termina con 2 y un mensaje si la conexión TCP es rechazada",
            hint = "catch the connection error, print one line on stderr, exit with status 2",
            hintEs = "captura el error de conexión, escribe una línea en stderr y termina con estado 2")
    void exitsTwoWhenRefused(ClientUnderTest client) {
        client.expectExitTwoWhenRefused(List.of());
    }

    private static byte[] stdin(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
