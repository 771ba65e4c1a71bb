package io.socketlab.grader.suites.echo;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.FakeUdpServer;
import io.socketlab.grader.probe.FakeUdpServer.Reply;
import io.socketlab.grader.probe.Payload;
import io.socketlab.grader.probe.Slicing;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The echo client against fake TCP and UDP echo servers: byte-exact copying both ways at once, half-close, retries. */
@ExerciseSuite(exercise = "echo", program = Program.CLIENT)
class EchoClientSuite {

    /** More than any client's socket buffers hold against a fake with small ones: a one-thread client deadlocks. */
    private static final int LARGER_THAN_BUFFERS = 8 << 20;
    /** How long the fake holds the connection open once it is done: a client must wait for the close. */
    private static final Duration HOLD_BEFORE_CLOSE = Duration.ofMillis(400);

    @Baseline
    @Requirement(clause = "ECHO-8", points = 1)
    void echoesALine(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> connection.echoUntilEndOfStream());
        byte[] input = Bytes.utf8("hello\n");
        client.run(fake.port(), List.of(), input).expectServedBy(fake).expectStdoutBytes(input).expectExitCode(0);
    }

    @Requirement(clause = "ECHO-8", points = 1)
    void copiesMoreThanTheSocketBuffersHoldBothWaysAtOnce(ClientUnderTest client, Random random) throws Exception {
        FakeTcpServer fake = client.fakeServerWithSmallBuffers(connection -> connection.echoUntilEndOfStream());
        Payload input = Payload.random(random, LARGER_THAN_BUFFERS);
        client.run(fake.port(), List.of(), input).expectServedBy(fake).expectStdout(input).expectExitCode(0);
    }

    @Requirement(clause = "ECHO-8", points = 1)
    void halfClosesAndPrintsWhatArrivesUntilTheClose(ClientUnderTest client, Random random) throws Exception {
        byte[] input = new byte[200 * 1024];
        random.nextBytes(input);
        byte[] tail = Bytes.utf8("-- sent after your half-close --\n");
        FakeTcpServer fake = client.fakeServer(connection -> {
            // Echo nothing until the client half-closes: a client that closes at EOF loses all of it.
            byte[] all = connection.readUntilClosed(input.length);
            connection.send(all).send(tail, Slicing.everyByte()).expectSilence(HOLD_BEFORE_CLOSE);
        });
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(input);
        expected.writeBytes(tail);
        client.run(fake.port(), List.of(), input).expectServedBy(fake)
                .expectStdoutBytes(expected.toByteArray())
                .expectExitedAfterTheCloseOf(fake)
                .expectExitCode(0);
    }

    @Requirement(clause = "ECHO-9", points = 1)
    void udpSendsLinesAsDatagrams(ClientUnderTest client) throws Exception {
        FakeUdpServer fake = client.fakeUdpServer(FakeUdpServer.Responder.echo());
        ClientResult result = client.run(fake.port(), List.of("--udp"), Bytes.utf8("alpha\nbeta gamma\r\n\nñandú"));
        fake.expectReceived(List.of("alpha", "beta gamma", "", "ñandú"));
        result.expectPrinted("alpha", "beta gamma", "", "ñandú").expectExitCode(0);
    }

    @Requirement(clause = "ECHO-9", points = 1)
    void udpRetriesAndIgnoresALateEcho(ClientUnderTest client) throws Exception {
        Duration timeout = client.timeouts().seconds(0.4);
        byte[] first = Bytes.utf8("first");
        // The first send of "first" is echoed only after the client's timeout, so it must send again; that late echo
        // then arrives while the client waits for "second", whose own echo comes a little later: it is not "second".
        FakeUdpServer fake = client.scriptedUdpServer((index, payload) -> List.of(
                index == 0 ? Reply.later(payload, timeout.multipliedBy(3).dividedBy(2))
                        : Arrays.equals(payload, first) ? Reply.now(payload)
                        : Reply.later(payload, timeout.multipliedBy(3).dividedBy(4))));
        ClientResult result = client.run(fake.port(), List.of("--udp", "--timeout-ms", Long.toString(timeout.toMillis())),
                Bytes.utf8("first\nsecond\n"));
        result.expectPrinted("first", "second").expectExitCode(0);
        fake.expectSendsOf(first, 2, 3);
    }

    @Requirement(clause = "ECHO-9", points = 1)
    void udpReportsLostLines(ClientUnderTest client) throws Exception {
        byte[] lost = Bytes.utf8("never echoed");
        FakeUdpServer fake = client.fakeUdpServer((index, payload) ->
                Arrays.equals(payload, lost) ? Optional.empty() : Optional.of(payload));
        String tooLong = "x".repeat(65_508);
        ClientResult result = client.run(fake.port(), List.of("--udp", "--timeout-ms", "200"),
                Bytes.utf8("kept\nnever echoed\n" + tooLong + "\nafter\n"));
        result.expectPrinted("kept", "after").expectExitCode(1)
                .expectStderrHolds("LOST never echoed", "LOST " + tooLong);
        fake.expectSendsOf(lost, 3, 3);
    }

    @Requirement(clause = "ECHO-10", points = 1)
    void exitsTwoWhenRefused(ClientUnderTest client) {
        client.run(client.refusedPort(), List.of(), new byte[0]).expectExitCode(2).expectOneErrorLine();
    }
}
