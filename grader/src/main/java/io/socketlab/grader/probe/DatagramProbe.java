package io.socketlab.grader.probe;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** A UDP socket driven by a test: sends datagrams to one peer and receives with a deadline. */
public final class DatagramProbe implements AutoCloseable {

    private static final int MAX_DATAGRAM = 65_535;
    /** How often a round trip sends before it gives up. */
    private static final int SENDS = 3;

    private final DatagramSocket socket;
    private final InetSocketAddress peer;
    private final Transcript transcript;
    private final String channel;
    private final Timeouts timeouts;
    private InetSocketAddress lastSender;

    private DatagramProbe(DatagramSocket socket, InetSocketAddress peer, Transcript transcript, Timeouts timeouts) {
        this.socket = socket;
        this.peer = peer;
        this.transcript = transcript;
        this.channel = transcript.newChannel("udp");
        this.timeouts = timeouts;
    }

    /** Opens a socket on an ephemeral loopback port, aimed at {@code host:port}. */
    public static DatagramProbe open(String host, int port, Transcript transcript, Timeouts timeouts) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setReceiveBufferSize(1 << 20);
        return new DatagramProbe(socket, new InetSocketAddress(host, port), transcript, timeouts);
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /** Where the last datagram received came from. */
    public InetSocketAddress lastSender() {
        return lastSender;
    }

    public DatagramProbe send(byte[] payload) throws IOException {
        socket.send(new DatagramPacket(payload, payload.length, peer));
        transcript.sent(channel, payload, 0, payload.length);
        return this;
    }

    /** The next datagram, or empty if none arrives within {@code within}. */
    public Optional<byte[]> receive(Duration within) throws IOException {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout((int) Math.max(1, within.toMillis()));
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        lastSender = (InetSocketAddress) packet.getSocketAddress();
        byte[] payload = Arrays.copyOf(packet.getData(), packet.getLength());
        transcript.received(channel, payload, 0, payload.length);
        return Optional.of(payload);
    }

    /** The next datagram within the reply timeout; none is a failure. */
    public byte[] expectDatagram(Text step, Text expected) throws IOException {
        Duration within = timeouts.seconds(2);
        return receive(within).orElseThrow(() -> ConformanceFailure.timeout(step, expected, within));
    }

    /**
     * Sends {@code payload} and returns the first datagram that comes back, sending again (three sends in all, a
     * second each) since UDP may lose either: a peer that answers nothing to three sends fails.
     */
    public byte[] roundTrip(byte[] payload) throws IOException {
        return roundTrip(Facts.replyToDatagram(payload.length), payload);
    }

    public byte[] roundTrip(Text step, byte[] payload) throws IOException {
        Duration wait = timeouts.seconds(1);
        for (int attempt = 0; attempt < SENDS; attempt++) {
            send(payload);
            Optional<byte[]> reply = receive(wait);
            if (reply.isPresent()) {
                return reply.get();
            }
        }
        throw ConformanceFailure.timeout(step, Facts.oneDatagramBack(SENDS), wait.multipliedBy(SENDS));
    }

    /** A {@link #roundTrip} whose answer must be {@code payload} itself, as one datagram. */
    public DatagramProbe expectEcho(byte[] payload) throws IOException {
        Text step = Facts.replyToDatagram(payload.length);
        byte[] echoed = roundTrip(step, payload);
        if (!Arrays.equals(payload, echoed)) {
            throw ConformanceFailure.integrity(step, Facts.theSameDatagram(payload.length),
                    Facts.aDatagramOf(echoed.length, Bytes.describeDifference(payload, echoed)));
        }
        return this;
    }

    @Override
    public void close() {
        socket.close();
    }
}
