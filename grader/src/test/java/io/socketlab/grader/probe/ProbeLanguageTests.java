package io.socketlab.grader.probe;

import static io.socketlab.grader.probe.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureDetail;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Timeouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The probe language as a suite writes it: steps named from the conversation, facts in both languages, LF-only
 * lines, silences, streams read at a pace, uploads that run while the test reads. The peer is the test itself.
 */
@Timeout(60)
class ProbeLanguageTests extends LoopbackPeer {

    private static final Duration SHORT = Duration.ofMillis(300);



    private static FailureDetail facts(ConformanceFailure failure) {
        return failure.detail(null);
    }

    @Test
    void namesTheStepAfterWhatWasSentInBothLanguages() throws IOException {
        peerSends("RECEIVED 4\n");

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.sendLine("héllo").expectLine("RECEIVED 6"));

        assertThat(facts(failure).step().en()).isEqualTo("the server's reply to \"héllo\\n\"");
        assertThat(facts(failure).step().es()).isEqualTo("la respuesta del servidor a \"héllo\\n\"");
        assertThat(facts(failure).expected().in(Lang.ES)).isEqualTo("\"RECEIVED 6\"");
        assertThat(facts(failure).actual().in(Lang.ES)).isEqualTo("\"RECEIVED 4\"");
    }

    @Test
    void namesALongLineByItsContentLengthAndItsEnding() throws IOException {
        peerSends("RECEIVED 1\n");

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.send("x".repeat(8192) + "\r\n").expectLine("RECEIVED 8192"));

        assertThat(facts(failure).step().en()).isEqualTo("the server's reply to a line of 8192 bytes (and its \\r\\n)");
    }

    @Test
    void beforeAnythingIsSentTheStepIsWhatThePeerSendsFirst() throws IOException {
        peer.close();

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class, () -> probe.readLine());

        assertThat(facts(failure).step().es()).isEqualTo("lo primero que envía el servidor");
        assertThat(facts(failure).actual().es()).isEqualTo("la conexión se cerró");
    }

    @Test
    void anLfOnlyProbeRefusesALineEndedByCrLf() throws IOException {
        peerSends("RECEIVED 5\r\n");

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.lfOnly().sendLine("hello").expectLine("RECEIVED 5"));

        assertThat(failure.kind()).isEqualTo(FailureKind.WRONG_OUTPUT);
        assertThat(facts(failure).actual().en()).isEqualTo("\"RECEIVED 5\\r\\n\"");
        assertThat(facts(failure).expected().es()).contains("terminada solo en \\n");
    }

    @Test
    void withoutLfOnlyOneCrBeforeTheLfIsForgiven() throws IOException {
        peerSends("RECEIVED 5\r\n");

        probe.sendLine("hello").expectLine("RECEIVED 5");
    }

    @Test
    void expectBytesReportsWhereTheReplyDiffers() throws IOException {
        peerSends("hallo\n");

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.send("hello\n").expectBytes(utf8("hello\n")));

        assertThat(failure.kind()).isEqualTo(FailureKind.INTEGRITY);
        assertThat(facts(failure).actual().en()).startsWith("differs at byte 1 of 6");
        assertThat(facts(failure).actual().es()).startsWith("difiere en el byte 1 de 6");
    }

    @Test
    void silenceAcceptsAPeerThatClosesButNotOneThatSpeaks() throws IOException {
        peer.shutdownOutput();
        probe.expectSilence(SHORT);
        assertThat(transcript.render()).contains("closed by the peer");
        assertThat(transcript.render(Lang.ES)).contains("cerrada por el otro lado");
    }

    @Test
    void silenceFailsOnAnythingThePeerSays() throws IOException {
        peerSends("BYE\n");

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.sendLine("BYE").expectSilence(Duration.ofSeconds(5)));

        assertThat(facts(failure).step().en()).isEqualTo("nothing more from the server for 5.0 s, after \"BYE\\n\"");
        assertThat(facts(failure).actual().en()).isEqualTo("more data: \"BYE\\n\"");
    }

    @Test
    void aLineLikeOrACloseAcceptsTheClose() throws IOException {
        peer.close();

        assertThat(probe.send("\u00ff\n").expectLineLikeOrClose(Line.startingWith("ERR "))).isEmpty();
    }

    @Test
    void slicedSendsGetAnoteInBothLanguages() throws IOException {
        probe.send(utf8("abc"), Slicing.everyByte().pausing(Duration.ofMillis(1)));

        assertThat(peer.getInputStream().readNBytes(3)).isEqualTo(utf8("abc"));
        assertThat(transcript.render()).contains("(sent in 3 segments of 1 byte)");
        assertThat(transcript.render(Lang.ES)).contains("(enviado en 3 segmentos de 1 byte)");
    }

    @Test
    void aStreamReadSlowlyComesBackWhole() throws Exception {
        Payload stream = Payload.random(new Random(1), 1 << 20);
        CompletableFuture<Void> echo = echoEverything();

        probe.sendInBackground(stream).thenShutdownOutput();
        probe.expectStream(stream, ReadPace.SLOW).expectClosed();

        echo.get(10, TimeUnit.SECONDS);
        assertThat(transcript.render()).contains("(1 MiB of random bytes, as expected)");
    }

    @Test
    void aStreamThatDiffersIsAnIntegrityFailureAtItsOffset() throws Exception {
        Payload stream = Payload.random(new Random(2), 100_000);
        byte[] corrupt = new byte[100_000];
        stream.open().readNBytes(corrupt, 0, corrupt.length);
        corrupt[70_000] ^= 1;
        peer.getOutputStream().write(corrupt);

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                () -> probe.expectStream(stream, ReadPace.FAST));

        assertThat(failure.kind()).isEqualTo(FailureKind.INTEGRITY);
        assertThat(facts(failure).actual().en()).startsWith("differs at byte 70000 of 100000");
        assertThat(facts(failure).expected().es()).isEqualTo("100000 bytes aleatorios, sin cambios y en orden");
    }

    @Test
    void aStreamCutShortSaysHowMuchCame() throws Exception {
        Payload stream = Payload.random(new Random(3), 4096);
        byte[] half = new byte[2048];
        stream.open().readNBytes(half, 0, half.length);
        peer.getOutputStream().write(half);
        peer.close();

        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class, () -> probe.expectStream(stream));

        assertThat(failure.kind()).isEqualTo(FailureKind.CLOSED_UNEXPECTEDLY);
        assertThat(facts(failure).actual().en()).isEqualTo("2048 of 4096 bytes and then the connection was closed");
    }

    @Test
    void anUploadAnsweredOnlyAtTheEndIsCaught() throws Exception {
        Payload stream = Payload.random(new Random(4), 256 * 1024);
        CompletableFuture<Void> hoarder = CompletableFuture.runAsync(() -> {
            try {
                byte[] all = peer.getInputStream().readAllBytes();
                peer.getOutputStream().write(all);
                peer.shutdownOutput();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        Upload upload = probe.sendInBackground(stream).thenShutdownOutput();
        probe.expectStream(stream);
        upload.expectFinished();
        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class, upload::expectAnsweredWhileSending);

        assertThat(facts(failure).actual().en()).isEqualTo(
                "nothing came back until all of 256 KiB of random bytes had been sent");
        hoarder.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anUploadAnsweredAsItGoesPasses() throws Exception {
        // More than the socket buffers can hold unread (a few MiB each way), so an echo must flow before the end.
        Payload stream = Payload.random(new Random(5), 16 << 20);
        CompletableFuture<Void> echo = echoEverything();

        Upload upload = probe.sendInBackground(stream).thenShutdownOutput();
        probe.expectStream(stream);

        upload.expectFinished().expectAnsweredWhileSending();
        echo.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFakeEchoesUntilTheClientHalfCloses() throws Exception {
        try (TcpProbe fakeSide = new TcpProbe(peer, transcript, "fake#1", Timeouts.DEFAULT)) {
            CompletableFuture<Long> echoed = CompletableFuture.supplyAsync(() -> {
                try {
                    return fakeSide.echoUntilEndOfStream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            probe.send("ping\n").shutdownOutput().expectBytes(utf8("ping\n"));

            assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo(5);
        }
    }

    /** The peer sends back everything until the probe half-closes, then half-closes too. */
    private CompletableFuture<Void> echoEverything() {
        return CompletableFuture.runAsync(() -> {
            try {
                InputStream in = peer.getInputStream();
                OutputStream out = peer.getOutputStream();
                in.transferTo(out);
                peer.shutdownOutput();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

}
