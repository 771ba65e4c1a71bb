package io.socketlab.grader.probe;

import static io.socketlab.grader.probe.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Timeouts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test plays the client under test, with a {@link DatagramProbe}. */
@Timeout(30)
class FakeUdpServerTests {

    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private final Transcript transcript = new Transcript();

    /** Answers every datagram in upper case, except the second, which it drops. */
    private static Optional<byte[]> shoutDroppingTheSecond(int index, byte[] payload) {
        return index == 1 ? Optional.empty()
                : Optional.of(utf8(new String(payload, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT)));
    }

    @Test
    void answersEachDatagramAsTheResponderSaysAndDropsTheOnesItRefuses() throws Exception {
        try (FakeUdpServer fake = FakeUdpServer.start(transcript, FakeUdpServerTests::shoutDroppingTheSecond);
             DatagramProbe client = DatagramProbe.open("127.0.0.1", fake.port(), new Transcript(), Timeouts.DEFAULT)) {
            client.send(utf8("one"));
            assertThat(client.receive(GENEROUS)).hasValue(utf8("ONE"));
            assertThat(client.lastSender().getPort()).isEqualTo(fake.port());

            client.send(utf8("two"));
            client.send(utf8("three"));

            // Loopback keeps order: had "two" been answered, its answer would come first.
            assertThat(client.receive(GENEROUS)).hasValue(utf8("THREE"));
        }
    }

    @Test
    void recordsEveryDatagramReceivedInOrderIncludingDroppedOnes() throws Exception {
        try (FakeUdpServer fake = FakeUdpServer.start(transcript, FakeUdpServerTests::shoutDroppingTheSecond);
             DatagramProbe client = DatagramProbe.open("127.0.0.1", fake.port(), new Transcript(), Timeouts.DEFAULT)) {
            client.send(utf8("one")).send(utf8("two")).send(new byte[0]);

            await().atMost(GENEROUS).until(() -> fake.received().size() == 3);

            assertThat(fake.received()).containsExactly(utf8("one"), utf8("two"), new byte[0]);
            assertThat(transcript.render())
                    .contains("fake-udp#1 < \"two\"")
                    .contains("fake-udp#1 * (dropped datagram 2 on purpose)")
                    .contains("fake-udp#1 > \"ONE\"");
        }
    }

    @Test
    void receivedIsASnapshotThatLaterDatagramsDoNotChange() throws Exception {
        try (FakeUdpServer fake = FakeUdpServer.start(transcript, (index, payload) -> Optional.of(payload));
             DatagramProbe client = DatagramProbe.open("127.0.0.1", fake.port(), new Transcript(), Timeouts.DEFAULT)) {
            client.send(utf8("first"));
            client.receive(GENEROUS);
            var snapshot = fake.received();

            client.send(utf8("second"));
            client.receive(GENEROUS);

            assertThat(snapshot).hasSize(1);
            assertThat(fake.received()).hasSize(2);
        }
    }

    @Test
    void answersLateOrTwiceWhenTheScriptSaysSo() throws Exception {
        Duration late = Duration.ofMillis(300);
        try (FakeUdpServer fake = FakeUdpServer.scripted(transcript, (index, payload) -> index == 0
                ? List.of(FakeUdpServer.Reply.later(payload, late))
                : List.of(FakeUdpServer.Reply.now(payload), FakeUdpServer.Reply.now(payload)));
             DatagramProbe client = DatagramProbe.open("127.0.0.1", fake.port(), new Transcript(), Timeouts.DEFAULT)) {
            long sent = System.nanoTime();
            client.send(utf8("slow"));
            assertThat(client.receive(GENEROUS)).hasValue(utf8("slow"));
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(late);

            client.send(utf8("twice"));
            assertThat(client.receive(GENEROUS)).hasValue(utf8("twice"));
            assertThat(client.receive(GENEROUS)).hasValue(utf8("twice"));
            fake.expectReceived(List.of("slow", "twice")).expectSendsOf(utf8("twice"), 1, 1);
            assertThat(transcript.render()).contains("(will answer datagram 1 after 300 ms, on purpose)");
        }
    }

    @Test
    void aRoundTripSendsAgainUntilAnAnswerComes() throws Exception {
        try (FakeUdpServer fake = FakeUdpServer.start(transcript, FakeUdpServerTests::shoutDroppingTheSecond);
             DatagramProbe client = DatagramProbe.open("127.0.0.1", fake.port(), new Transcript(), Timeouts.DEFAULT)) {
            assertThat(client.roundTrip(utf8("one"))).isEqualTo(utf8("ONE"));
            // The second datagram the fake receives is dropped: the probe sends it again and gets the answer.
            assertThat(client.roundTrip(utf8("two"))).isEqualTo(utf8("TWO"));
            assertThat(fake.timesReceived(utf8("two"))).isEqualTo(2);

            ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class,
                    () -> client.expectEcho(utf8("three")));
            assertThat(failure.detail(null).expected().es()).isEqualTo("un datagrama de 5 bytes, idéntico");
        }
    }
}
