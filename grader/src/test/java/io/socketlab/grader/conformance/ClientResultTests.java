package io.socketlab.grader.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.FailureDetail;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.Payload;
import io.socketlab.grader.probe.Transcript;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A client's outcome, judged in the words of the probe language: exact lines, one stderr line, a late enough exit. */
class ClientResultTests {

    private static ClientResult printed(String stdout) {
        return new ClientResult(0, Bytes.utf8(stdout), "");
    }

    private static FailureDetail facts(ConformanceFailure failure) {
        return failure.detail(null);
    }

    @Test
    void printedLinesMustEndInLfAlone() {
        printed("HELLO fake\nBYE\n").expectPrinted("HELLO fake", "BYE");

        ConformanceFailure crlf = catchThrowableOfType(ConformanceFailure.class,
                () -> printed("HELLO fake\r\nBYE\r\n").expectPrinted("HELLO fake", "BYE"));
        assertThat(facts(crlf).actual().en()).isEqualTo("[\"HELLO fake\\r\", \"BYE\\r\"]");

        ConformanceFailure unended = catchThrowableOfType(ConformanceFailure.class,
                () -> printed("HELLO fake\nBYE").expectPrinted("HELLO fake", "BYE"));
        assertThat(facts(unended).actual().es()).isEqualTo("[\"HELLO fake\", \"BYE\"] sin \\n tras la última línea");
    }

    @Test
    void anErrorLineHoldingTheServersWordsMayHaveAPrefix() {
        new ClientResult(1, new byte[0], "client: the server refused: ERR not-found\n").expectOneErrorLineHolding("ERR not-found");

        ConformanceFailure other = catchThrowableOfType(ConformanceFailure.class,
                () -> new ClientResult(1, new byte[0], "download failed\n").expectOneErrorLineHolding("ERR not-found"));
        assertThat(facts(other).expected().es()).isEqualTo("una línea que contenga \"ERR not-found\"");
        assertThat(facts(other).actual().en()).isEqualTo("\"download failed\"");
    }

    @Test
    void stdoutLinesForgiveACrLikeAReceiver() {
        printed("HELLO fake\r\nBYE\r\n").expectStdoutLines(java.util.List.of("HELLO fake", "BYE"));
    }

    @Test
    void oneErrorLineIsOneLineAndATracebackIsNot() {
        new ClientResult(2, new byte[0], "Picked up JAVA_TOOL_OPTIONS: -Xss1m\nconnection refused\n")
                .expectOneErrorLine();

        String traceback = "Traceback (most recent call last):\n  File \"client.py\", line 3, in <module>\n"
                + "RuntimeError: server error: ERR line-too-long\n";
        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> new ClientResult(1, new byte[0], traceback).expectExitCode(1).expectOneErrorLine());

        assertThat(facts(failure).actual().en()).startsWith("a traceback of 3 lines: \"Traceback");
        assertThat(facts(failure).hint().es()).startsWith("el programa terminó con una excepción sin capturar");
    }

    @Test
    void oneErrorLineNamesTheStepItIsGiven() {
        Text step = Text.of("the client after a body cut short", "el cliente tras un cuerpo cortado");
        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> new ClientResult(2, new byte[0], "").expectOneErrorLine(step));

        assertThat(facts(failure).step()).isEqualTo(step);
        assertThat(facts(failure).actual().es()).isEqualTo("nada en stderr");
    }

    @Test
    void stdoutIsComparedWithAPayloadWhereItDiffers() throws Exception {
        Payload payload = Payload.random(new Random(1), 1 << 20);
        byte[] out = payload.open().readAllBytes();
        new ClientResult(0, out, "").expectStdout(payload);

        out[1000] ^= 1;
        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> new ClientResult(0, out, "").expectStdout(payload));
        assertThat(facts(failure).actual().en()).startsWith("differs at byte 1000 of 1048576");
    }

    @Test
    void aClientThatExitsBeforeTheServerClosesIsCaught() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.start(new Transcript(), Timeouts.DEFAULT,
                connection -> connection.sendLine("BYE").expectSilence(Duration.ofMillis(200)));
             Socket client = new Socket()) {
            client.connect(new InetSocketAddress("127.0.0.1", fake.port()));
            long exitedEarly = System.nanoTime();
            fake.verify();
            long exitedLate = System.nanoTime();

            ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                    () -> new ClientResult(0, new byte[0], "", OptionalLong.of(exitedEarly))
                            .expectExitedAfterTheCloseOf(fake));
            assertThat(facts(failure).actual().en()).matches("the client exited 0\\.\\d s before the server closed"
                    + " the connection");
            new ClientResult(0, new byte[0], "", OptionalLong.of(exitedLate)).expectExitedAfterTheCloseOf(fake);
        }
    }

    @Test
    void aClientThatGivesUpBeforeTheContractsTimeIsCaught() {
        long silenceBegan = System.nanoTime();
        Text silence = Text.of("its ANSWER", "su ANSWER");
        ClientResult early = new ClientResult(2, new byte[0], "gave up\n",
                OptionalLong.of(silenceBegan + Duration.ofMillis(3200).toNanos()));

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> early.expectGaveUpNoSoonerThan(Duration.ofSeconds(9), silenceBegan, silence));

        assertThat(facts(failure).expected().en()).isEqualTo("an exit no sooner than 9.0 s after its ANSWER");
        assertThat(facts(failure).expected().es()).isEqualTo("una salida no antes de 9.0 s tras su ANSWER");
        assertThat(facts(failure).actual().en()).isEqualTo("the client exited 3.2 s after its ANSWER");
        assertThat(facts(failure).actual().es()).isEqualTo("el cliente terminó 3.2 s tras su ANSWER");
        new ClientResult(2, new byte[0], "gave up\n", OptionalLong.of(silenceBegan + Duration.ofSeconds(10).toNanos()))
                .expectGaveUpNoSoonerThan(Duration.ofSeconds(9), silenceBegan, silence);
    }
}
