package io.socketlab.grader.probe;

import static io.socketlab.grader.probe.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A probe connected to a peer played by the test itself over loopback. */
@Timeout(30)
class TcpProbeTests extends LoopbackPeer {

    private static final Text STEP = Text.of("reading the reply", "leyendo la respuesta");
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration GENEROUS = Duration.ofSeconds(10);



    @Test
    void readsLinesWithoutTheLineFeedAndDropsATrailingCarriageReturn() throws IOException {
        peerSends("hello\r\nworld\nin\rside\n");

        assertThat(probe.readLine(STEP)).isEqualTo("hello");
        assertThat(probe.readLine(STEP)).isEqualTo("world");
        assertThat(probe.readLine(STEP)).isEqualTo("in\rside");
    }

    @Test
    void recordsWhatItSendsAndReceivesInTheTranscript() throws IOException {
        probe.sendLine("ping");
        peerSends("pong\r\n");
        probe.readLine(STEP);

        assertThat(transcript.render())
                .contains("tcp#1  *  connected to 127.0.0.1:" + listener.getLocalPort())
                .contains("tcp#1  C: \"ping\\n\"")
                .contains("tcp#1  S: \"pong\\r\\n\"");
    }

    @Test
    void sendsExactlyTheBytesItIsGiven() throws IOException {
        probe.send(new byte[] {0, 1, (byte) 0xff}).send("é").sendLine("x");

        assertThat(peer.getInputStream().readNBytes(7)).containsExactly(0, 1, 0xff, 0xc3, 0xa9, 'x', '\n');
    }

    @Test
    void aLineIfArrivedTakesWhatHasComeAndWaitsForNothingElse() throws IOException {
        assertThat(probe.readLineIfArrived(STEP)).isEmpty();
        peerSends("first\nsec");

        assertThat(probe.readLineIfArrived(STEP)).contains("first");
        // A line begun is a line owed: the rest is awaited.
        CompletableFuture.runAsync(() -> {
            try {
                peerSends("ond\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        assertThat(probe.readLineIfArrived(STEP)).contains("second");
        assertThat(probe.readLineIfArrived(STEP)).isEmpty();
    }

    @Test
    void aLineIfArrivedFromAPeerThatClosedIsClosedUnexpectedly() throws IOException {
        peer.close();

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class, () -> {
            for (int tries = 0; tries < 1000; tries++) {
                probe.readLineIfArrived(STEP);
            }
        });

        assertThat(failure.kind()).isEqualTo(FailureKind.CLOSED_UNEXPECTEDLY);
        assertThat(failure.detail(null).expected().es()).isEqualTo(Facts.aLine().es());
    }

    @Test
    void aFixedReceiveBufferHoldsLittleAndIsNoted() throws IOException {
        probe.fixedReceiveBuffer(4096);

        // Linux doubles the value asked for, for its own bookkeeping; autotuning would have made it megabytes.
        assertThat(probe.socket().getReceiveBufferSize()).isBetween(2048, 16384);
        assertThat(transcript.render()).contains("receive buffer fixed at 4096 bytes");
    }

    @Test
    void aPeerThatSaysNothingIsATimeout() {
        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class, () -> probe.readLine(STEP, SHORT));

        assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(failure).hasMessage("reading the reply: expected a line ending in \\n but got nothing within 0.3 s");
    }

    @Test
    void aLineThatNeverEndsIsWrongOutputShowingWhatCame() throws IOException {
        peerSends("no line feed");

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class, () -> probe.readLine(STEP, SHORT));

        assertThat(failure.kind()).isEqualTo(FailureKind.WRONG_OUTPUT);
        assertThat(failure.getMessage()).contains("\"no line feed\" without \\n within 0.3 s");
    }

    @Test
    void aPeerThatClosesBeforeALineIsClosedUnexpectedly() throws IOException {
        peer.close();

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class, () -> probe.readLine(STEP, GENEROUS));

        assertThat(failure.kind()).isEqualTo(FailureKind.CLOSED_UNEXPECTEDLY);
        assertThat(failure.getMessage()).endsWith("but got the connection was closed");
    }

    @Test
    void aPeerThatClosesMidLineIsClosedUnexpectedlyShowingThePartialLine() throws IOException {
        peerSends("half a li");
        peer.close();

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class, () -> probe.readLine(STEP, GENEROUS));

        assertThat(failure.kind()).isEqualTo(FailureKind.CLOSED_UNEXPECTEDLY);
        assertThat(failure.getMessage()).endsWith("\"half a li\" and then the connection was closed");
        assertThat(transcript.render()).contains("S: \"half a li\"");
    }

    @Test
    void aPeerThatResetsIsClosedUnexpectedly() throws IOException {
        peer.setSoLinger(true, 0);
        peer.close();

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class, () -> probe.readLine(STEP, GENEROUS));

        assertThat(failure.kind()).isEqualTo(FailureKind.CLOSED_UNEXPECTEDLY);
    }

    @Test
    void expectLineAcceptsTheExpectedLine() throws IOException {
        peerSends("HELLO ana\n");

        probe.expectLine(STEP, "HELLO ana");
    }

    @Test
    void expectLineRejectsAnotherLineNamingBothQuoted() throws IOException {
        peerSends("RECEIVED 5\n");

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.expectLine(STEP, "RECEIVED 6"));

        assertThat(failure.kind()).isEqualTo(FailureKind.WRONG_OUTPUT);
        assertThat(failure).hasMessage("reading the reply: expected \"RECEIVED 6\" but got \"RECEIVED 5\"");
        assertThat(failure.getExpected().getValue()).isEqualTo("\"RECEIVED 6\"");
        assertThat(failure.getActual().getValue()).isEqualTo("\"RECEIVED 5\"");
    }

    @Test
    void expectLineLikeDescribesTheShapeItWanted() throws IOException {
        peerSends("HELLO \n");

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.expectLineLike(Line.startingWith("HELLO ")));

        assertThat(failure).hasMessage("what the server sends first: expected a line \"HELLO \" followed by more than"
                + " spaces but got \"HELLO \"");
        assertThat(failure.detail(null).expected().es()).isEqualTo("una línea \"HELLO \" seguida de algo más que espacios");
    }

    @Test
    void readExactlyReturnsJustTheBytesAskedForAndKeepsTheRest() throws IOException {
        peerSends("abc");
        peerSends("defgh");

        assertThat(probe.readExactly(STEP, 6, GENEROUS)).isEqualTo(utf8("abcdef"));
        assertThat(probe.readExactly(STEP, 2, GENEROUS)).isEqualTo(utf8("gh"));
    }

    @Test
    void readExactlyFailsWithHowManyBytesCameBeforeTheClose() throws IOException {
        peerSends("abc");
        peer.close();

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.readExactly(STEP, 10, GENEROUS));

        assertThat(failure.kind()).isEqualTo(FailureKind.CLOSED_UNEXPECTEDLY);
        assertThat(failure).hasMessage("reading the reply: expected 10 bytes but got 3 bytes and then the connection was closed");
    }

    @Test
    void readExactlyFailsWithHowManyBytesCameBeforeTheDeadline() throws IOException {
        peerSends("abc");

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.readExactly(STEP, 10, SHORT));

        assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(failure.getMessage()).endsWith("but got only 3 bytes within 0.3 s");
    }

    @Test
    void readUntilClosedReturnsEverythingThePeerSentBeforeClosing() throws IOException {
        peerSends("line one\n");
        peerSends("line two\n");
        peer.close();

        assertThat(probe.readUntilClosed(STEP, 1024, GENEROUS)).isEqualTo(utf8("line one\nline two\n"));
        assertThat(transcript.render()).contains("closed by the peer");
    }

    @Test
    void readUntilClosedTimesOutWhenThePeerKeepsTheConnectionOpen() throws IOException {
        peerSends("still here");

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.readUntilClosed(STEP, 1024, SHORT));

        assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(failure.getMessage()).endsWith("expected the connection closed but got only 10 bytes within 0.3 s");
    }

    @Test
    void readUntilClosedRefusesMoreThanItsMaximum() throws IOException {
        peerSends("x".repeat(100));
        peer.close();

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.readUntilClosed(STEP, 50, GENEROUS));

        assertThat(failure.kind()).isEqualTo(FailureKind.WRONG_OUTPUT);
        assertThat(failure.getMessage()).endsWith("but got more than 50 bytes");
    }

    @Test
    void expectClosedAcceptsAPeerThatCloses() throws IOException {
        peer.close();

        probe.expectClosed(STEP, GENEROUS);

        assertThat(transcript.render()).contains("closed by the peer");
    }

    @Test
    void expectClosedRejectsAPeerThatSendsMoreInstead() throws IOException {
        peerSends("one more\n");

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.expectClosed(STEP, GENEROUS));

        assertThat(failure.kind()).isEqualTo(FailureKind.WRONG_OUTPUT);
        assertThat(failure.getMessage()).endsWith("but got more data: \"one more\\n\"");
    }

    @Test
    void expectClosedTimesOutWhenThePeerStaysOpenAndQuiet() {
        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.expectClosed(STEP, SHORT));

        assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void aLineLongerThanOneMebibyteFailsInsteadOfGrowingForever() throws Exception {
        byte[] endless = new byte[(1 << 20) + 1];
        Arrays.fill(endless, (byte) 'a');
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = peer.getOutputStream();
                out.write(endless);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class, () -> probe.readLine(STEP, GENEROUS));

        assertThat(failure.kind()).isEqualTo(FailureKind.WRONG_OUTPUT);
        assertThat(failure.getMessage()).endsWith("but got more than 1048576 bytes without \\n");
        sending.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRefusedConnectionIsTheServersFailure() throws IOException {
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> TcpProbe.connect("127.0.0.1", closedPort, transcript, Timeouts.DEFAULT));

        assertThat(failure.kind()).isEqualTo(FailureKind.CLOSED_UNEXPECTEDLY);
        assertThat(failure.getMessage()).contains("a connection accepted on port " + closedPort);
        assertThat(transcript.render()).contains("connect to 127.0.0.1:" + closedPort + " failed");
    }

}
