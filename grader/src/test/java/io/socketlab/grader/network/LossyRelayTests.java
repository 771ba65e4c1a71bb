package io.socketlab.grader.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketlab.grader.network.RelayLog.Decision;
import io.socketlab.grader.network.RelayLog.Event;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The relay between real loopback sockets: a test client on one side, a recording (echoing) server on the other. */
@Timeout(60)
class LossyRelayTests {

    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void perfectConditionsForwardEveryDatagramBothWaysToTheRightClient() throws Exception {
        Upstream server = track(Upstream.echoing());
        LossyRelay relay = track(LossyRelay.start(server.address(), Conditions.perfect(), 1));
        DatagramSocket alice = track(client());
        DatagramSocket bob = track(client());

        send(alice, relay, "from alice");
        send(bob, relay, "from bob");

        assertThat(receive(alice)).isEqualTo("from alice");
        assertThat(receive(bob)).isEqualTo("from bob");
        assertThat(relay.log().delivered(Direction.TO_SERVER)).hasSize(2);
        assertThat(relay.log().delivered(Direction.TO_CLIENT)).hasSize(2);
        assertThat(relay.log().summary()).contains("to server: 2 sent (18 bytes), 0 dropped");
    }

    @Test
    void everyClientGetsItsOwnUpstreamSocket() throws Exception {
        Upstream server = track(Upstream.echoing());
        LossyRelay relay = track(LossyRelay.start(server.address(), Conditions.perfect(), 1));
        DatagramSocket alice = track(client());
        DatagramSocket bob = track(client());

        send(alice, relay, "a1");
        send(bob, relay, "b1");
        send(alice, relay, "a2");
        await().atMost(GENEROUS).until(() -> server.received().size() == 3);

        List<Integer> ports = server.received().stream().map(d -> d.from().getPort()).toList();
        assertThat(ports.get(0)).isEqualTo(ports.get(2)).isNotEqualTo(ports.get(1));
        assertThat(ports).doesNotContain(relay.port());
        assertThat(relay.clients()).isEqualTo(2);
    }

    @Test
    void theSameSeedAndDatagramsGiveTheSameDecisions() throws Exception {
        Conditions conditions = Conditions.lossy(0.3, 0.2, Duration.ofMillis(3));
        List<String> first = decisions(conditions, 42);
        List<String> replay = decisions(conditions, 42);
        List<String> otherSeed = decisions(conditions, 43);

        assertThat(replay).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first).anyMatch(d -> d.endsWith("DROPPED")).anyMatch(d -> d.endsWith("DUPLICATED"));
    }

    @Test
    void aDropRuleDropsExactlyTheNthMatchingDatagram() throws Exception {
        Upstream server = track(Upstream.silent());
        Conditions conditions = Conditions.perfect().with(DropRule.nthOfType(Direction.TO_SERVER, 0x02, 3));
        LossyRelay relay = track(LossyRelay.start(server.address(), conditions, 7));
        DatagramSocket client = track(client());

        byte[][] datagrams = {{1, 0}, {2, 1}, {2, 2}, {3, 0}, {2, 3}, {2, 4}};
        for (byte[] datagram : datagrams) {
            client.send(new DatagramPacket(datagram, datagram.length, relayAddress(relay)));
        }
        await().atMost(GENEROUS).until(() -> server.received().size() == 5);

        assertThat(server.received().stream().map(d -> Arrays.toString(d.payload())))
                .containsExactly("[1, 0]", "[2, 1]", "[2, 2]", "[3, 0]", "[2, 4]");
        assertThat(relay.log().dropped(Direction.TO_SERVER)).singleElement()
                .satisfies(e -> assertThat(e.datagram()).containsExactly(2, 3))
                .satisfies(e -> assertThat(e.index()).isEqualTo(5));
        assertThat(relay.log().summary()).contains("dropped by rule: datagram #3 of type 0x02 to server");
    }

    @Test
    void aDropRuleOnRepliesDropsTheFirstMatchingReplyOnly() throws Exception {
        Upstream server = track(Upstream.echoing());
        Conditions conditions = Conditions.perfect().with(DropRule.firstOfType(Direction.TO_CLIENT, 'x'));
        LossyRelay relay = track(LossyRelay.start(server.address(), conditions, 7));
        DatagramSocket client = track(client());

        send(client, relay, "x1");
        send(client, relay, "y1");
        assertThat(receive(client)).isEqualTo("y1");
        send(client, relay, "x2");
        assertThat(receive(client)).isEqualTo("x2");
        assertThat(relay.log().dropped(Direction.TO_CLIENT)).hasSize(1);
        assertThat(relay.log().dropped(Direction.TO_SERVER)).isEmpty();
    }

    @Test
    void duplicatesAndDelaysHappenAndEveryForwardedCopyArrives() throws Exception {
        Upstream server = track(Upstream.silent());
        LossyRelay relay = track(LossyRelay.start(server.address(), Conditions.lossy(0, 0.3, Duration.ofMillis(20)), 5));
        DatagramSocket client = track(client());

        for (int i = 0; i < 100; i++) {
            send(client, relay, "d" + i);
        }
        await().atMost(GENEROUS).until(() -> relay.log().datagrams(Direction.TO_SERVER) == 100);
        List<Event> forwarded = relay.log().delivered(Direction.TO_SERVER);
        await().atMost(GENEROUS).until(() -> server.received().size() == forwarded.size());

        assertThat(forwarded).hasSizeGreaterThan(100);
        assertThat(forwarded).anyMatch(e -> e.decision() == Decision.DUPLICATED)
                .anyMatch(e -> e.decision() == Decision.DELAYED);
        assertThat(server.received().stream().map(d -> new String(d.payload())))
                .containsExactlyInAnyOrderElementsOf(forwarded.stream().map(e -> new String(e.datagram())).toList());
    }

    @Test
    void burstsDropRunsOfConsecutiveDatagrams() throws Exception {
        Upstream server = track(Upstream.silent());
        Impairment bursty = Impairment.none().withBursts(0.05, 4);
        LossyRelay relay = track(LossyRelay.start(server.address(),
                new Conditions(bursty, Impairment.none(), List.of()), 11));
        DatagramSocket client = track(client());

        for (int i = 0; i < 300; i++) {
            send(client, relay, "d" + i);
        }
        await().atMost(GENEROUS).until(() -> relay.log().datagrams(Direction.TO_SERVER) == 300);

        List<Long> dropped = relay.log().dropped(Direction.TO_SERVER).stream().map(Event::index).toList();
        assertThat(dropped).isNotEmpty();
        assertThat(dropped.size() % 4 == 0 || dropped.get(dropped.size() - 1) > 296).isTrue();
        for (int i = 0; i + 3 < dropped.size(); i += 4) {
            assertThat(dropped.get(i + 3) - dropped.get(i)).isEqualTo(3);
        }
    }

    @Test
    void followingTheServerPortSendsLaterDatagramsToWhereTheServerLastRepliedFrom() throws Exception {
        Upstream listener = track(Upstream.silent());
        DatagramSocket transferSide = track(client()); // like a TFTP server's per-transfer port (its TID)
        LossyRelay relay = track(LossyRelay.startOn(0, listener.address(), Conditions.perfect(), 1,
                LossyRelay.ServerPort.FOLLOW_REPLIES));
        DatagramSocket client = track(client());

        send(client, relay, "request");
        await().atMost(GENEROUS).until(() -> listener.received().size() == 1);
        InetSocketAddress route = listener.received().get(0).from();
        transferSide.send(new DatagramPacket("reply".getBytes(java.nio.charset.StandardCharsets.UTF_8), 5, route));
        assertThat(receive(client)).isEqualTo("reply");
        send(client, relay, "next");

        assertThat(receive(transferSide)).isEqualTo("next");
        assertThat(listener.received()).hasSize(1);
    }

    @Test
    void byDefaultLaterDatagramsStillGoToTheUpstreamAddress() throws Exception {
        Upstream listener = track(Upstream.silent());
        DatagramSocket otherSide = track(client());
        LossyRelay relay = track(LossyRelay.start(listener.address(), Conditions.perfect(), 1));
        DatagramSocket client = track(client());

        send(client, relay, "request");
        await().atMost(GENEROUS).until(() -> listener.received().size() == 1);
        otherSide.send(new DatagramPacket("reply".getBytes(java.nio.charset.StandardCharsets.UTF_8), 5, listener.received().get(0).from()));
        assertThat(receive(client)).isEqualTo("reply");
        send(client, relay, "next");

        await().atMost(GENEROUS).until(() -> listener.received().size() == 2);
        assertThat(new String(listener.received().get(1).payload())).isEqualTo("next");
    }

    @Test
    void closeFreesEverySocketAndThread() throws Exception {
        Upstream server = track(Upstream.echoing());
        LossyRelay relay = LossyRelay.start(server.address(), Conditions.lossy(0, 0, Duration.ofMillis(5)), 3);
        Set<Integer> ports = new HashSet<>(Set.of(relay.port()));
        for (int i = 0; i < 3; i++) {
            try (DatagramSocket client = client()) {
                send(client, relay, "hello");
                receive(client);
            }
        }
        server.received().forEach(d -> ports.add(d.from().getPort()));
        assertThat(ports).hasSize(4);

        relay.close();

        await().atMost(GENEROUS).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && ports.stream().anyMatch(p -> t.getName().endsWith("-" + p))));
        for (int port : ports) {
            new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).close();
        }
    }

    /** The relay's decisions for 300 datagrams sent one after the other to a server that never answers. */
    private List<String> decisions(Conditions conditions, long seed) throws Exception {
        try (Upstream server = Upstream.silent();
             LossyRelay relay = LossyRelay.start(server.address(), conditions, seed);
             DatagramSocket client = client()) {
            for (int i = 0; i < 300; i++) {
                send(client, relay, "datagram " + i);
            }
            await().atMost(GENEROUS).until(() -> relay.log().datagrams(Direction.TO_SERVER) == 300);
            return relay.log().events().stream()
                    .map(e -> e.index() + " " + new String(e.datagram()) + " " + e.decision())
                    .toList();
        }
    }

    private <T extends AutoCloseable> T track(T closeable) {
        opened.add(0, closeable);
        return closeable;
    }

    private static DatagramSocket client() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout((int) GENEROUS.toMillis());
        return socket;
    }

    private static InetSocketAddress relayAddress(LossyRelay relay) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.port());
    }

    private static void send(DatagramSocket socket, LossyRelay relay, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, relayAddress(relay)));
    }

    private static String receive(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A loopback UDP server that records every datagram with its sender and may echo it back. */
    private static final class Upstream implements AutoCloseable {

        record Received(byte[] payload, InetSocketAddress from) {}

        private final DatagramSocket socket;
        private final List<Received> received = new ArrayList<>();
        private final Thread thread;

        private Upstream(boolean echo) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setReceiveBufferSize(1 << 20);
            thread = new Thread(() -> serve(echo), "test-upstream");
            thread.setDaemon(true);
            thread.start();
        }

        static Upstream echoing() throws IOException {
            return new Upstream(true);
        }

        static Upstream silent() throws IOException {
            return new Upstream(false);
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
        }

        synchronized List<Received> received() {
            return List.copyOf(received);
        }

        private void serve(boolean echo) {
            byte[] buffer = new byte[65_535];
            while (!socket.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                    byte[] payload = Arrays.copyOf(packet.getData(), packet.getLength());
                    synchronized (this) {
                        received.add(new Received(payload, (InetSocketAddress) packet.getSocketAddress()));
                    }
                    if (echo) {
                        socket.send(new DatagramPacket(payload, payload.length, packet.getSocketAddress()));
                    }
                } catch (SocketTimeoutException e) {
                    // not set: never happens
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            thread.join(1_000);
        }
    }
}
