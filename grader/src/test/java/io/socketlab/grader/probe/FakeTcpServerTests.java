package io.socketlab.grader.probe;

import static io.socketlab.grader.probe.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test plays the client under test, with a plain socket. */
@Timeout(30)
class FakeTcpServerTests {

    private static final Text STEP = Text.of("talking to the fake server", "hablando con el servidor falso");
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private final Transcript transcript = new Transcript();

    @Test
    void aScriptThatHoldsVerifiesQuietly() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.start(transcript, Timeouts.DEFAULT, connection -> {
            connection.expectLine(STEP, "HELLO");
            connection.sendLine("WELCOME");
        }); Socket client = connect(fake)) {
            client.getOutputStream().write(utf8("HELLO\n"));

            assertThat(readLine(client.getInputStream())).isEqualTo("WELCOME");
            fake.verify(STEP, GENEROUS);
            assertThat(fake.connections()).isEqualTo(1);
            assertThat(transcript.render()).contains("fake#1 *  client connected").contains("fake#1 C: \"HELLO\\n\"");
        }
    }

    @Test
    void whatTheScriptFindsWrongWithTheClientSurfacesInVerify() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.start(transcript, Timeouts.DEFAULT,
                connection -> connection.expectLine(STEP, "HELLO")); Socket client = connect(fake)) {
            client.getOutputStream().write(utf8("GOODBYE\n"));

            ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class, () -> fake.verify(STEP, GENEROUS));

            assertThat(failure.kind()).isEqualTo(FailureKind.WRONG_OUTPUT);
            assertThat(failure.getMessage()).contains("\"HELLO\"").contains("\"GOODBYE\"");
        }
    }

    @Test
    void anAssertionErrorInTheScriptSurfacesAsItIs() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.start(transcript, Timeouts.DEFAULT,
                connection -> assertThat(connection.readLine(STEP)).isEqualTo("BYE")); Socket client = connect(fake)) {
            client.getOutputStream().write(utf8("bye\n"));

            assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> fake.verify(STEP, GENEROUS))
                    .withMessageContaining("\"BYE\"").withMessageContaining("\"bye\"");
        }
    }

    @Test
    void anyOtherExceptionInTheScriptSurfacesAsItIs() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.start(transcript, Timeouts.DEFAULT, connection -> {
            throw new IllegalStateException("the script broke");
        }); Socket client = connect(fake)) {
            assertThatThrownBy(() -> fake.verify(STEP, GENEROUS))
                    .isExactlyInstanceOf(IllegalStateException.class).hasMessage("the script broke");
        }
    }

    @Test
    void verifyTimesOutWhenNoClientConnects() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.start(transcript, Timeouts.DEFAULT, connection -> { })) {
            ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                    () -> fake.verify(STEP, Duration.ofMillis(200)));

            assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(failure).hasMessage("talking to the fake server: expected the client to connect but got nothing within 0.2 s");
            assertThat(fake.connections()).isZero();
        }
    }

    @Test
    void verifyTimesOutWhenTheClientConnectsButNeverFinishes() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.start(transcript, Timeouts.DEFAULT,
                connection -> connection.readLine(STEP, Duration.ofSeconds(20))); Socket client = connect(fake)) {
            await().atMost(GENEROUS).until(() -> fake.connections() == 1);

            ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                    () -> fake.verify(STEP, Duration.ofMillis(200)));

            assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(failure.getMessage()).contains("expected the client to finish the exchange");
        }
    }

    @Test
    void runsTheScriptOnEachConnectionInTurn() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.start(transcript, Timeouts.DEFAULT,
                connection -> connection.sendLine("HI"))) {
            for (int i = 0; i < 2; i++) {
                try (Socket client = connect(fake)) {
                    assertThat(readLine(client.getInputStream())).isEqualTo("HI");
                }
            }

            await().atMost(GENEROUS).until(() -> fake.connections() == 2);
            assertThat(transcript.render()).contains("fake#1 S: \"HI\\n\"").contains("fake#2 S: \"HI\\n\"");
        }
    }

    @Test
    void closingStopsListening() throws Exception {
        FakeTcpServer fake = FakeTcpServer.start(transcript, Timeouts.DEFAULT, connection -> { });
        int port = fake.port();

        fake.close();

        assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        });
    }

    private static Socket connect(FakeTcpServer fake) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", fake.port()), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("closed after " + line);
            }
            line.append((char) c);
        }
        return line.toString();
    }
}
