package io.socketlab.grader.suites.echo;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.FakeUdpServer;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The echo client against fake TCP and UDP servers: byte-exact copying, half-close, retries and LOST. */
@ExerciseSuite(exercise = "echo", program = Program.CLIENT)
class EchoClientSuite {

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
    @Requirement(clause = "ECHO-8", points = 1)
    void echoesALine(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = echoServer(client);
        byte[] input = Bytes.utf8("hello\n");
        ClientResult result = client.run(fake.port(), List.of(), input);
        result.expectConnectedTo(fake).expectStdoutBytes(OUTPUT, input).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "ECHO-8", points = 1)
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

    @Requirement(clause = "ECHO-8", points = 1)
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

    @Requirement(clause = "ECHO-9", points = 1)
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

    @Requirement(clause = "ECHO-9", points = 1)
    void udpRetriesALostDatagram(ClientUnderTest client) throws Exception {
        FakeUdpServer fake = client.fakeUdpServer((index, payload) -> index == 0 ? Optional.empty() : Optional.of(payload));
        List<String> lines = List.of("first", "second");
        ClientResult result = client.run(fake.port(), List.of("--udp", "--timeout-ms", "300"), stdin(lines));
        result.expectStdoutLines(OUTPUT, lines).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "ECHO-9", points = 1)
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

    @Requirement(clause = "ECHO-10", points = 1)
    void exitsTwoWhenRefused(ClientUnderTest client) {
        client.expectExitTwoWhenRefused(List.of());
    }

    private static byte[] stdin(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
