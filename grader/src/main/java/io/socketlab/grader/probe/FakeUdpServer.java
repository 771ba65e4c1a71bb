package io.socketlab.grader.probe;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A scripted UDP peer for a client under test: it decides, datagram by datagram, what to answer (if anything). */
public final class FakeUdpServer implements AutoCloseable {

    /** The answer to the {@code index}-th datagram received (0-based), or empty to drop it. */
    @FunctionalInterface
    public interface Responder {
        Optional<byte[]> answer(int index, byte[] payload);

        /** A sink for one-way streams: never answers, and says nothing about it in the transcript. */
        Responder SILENT = (index, payload) -> Optional.empty();
    }

    private final DatagramSocket socket;
    private final Thread receiver;
    private final List<byte[]> received = new ArrayList<>();
    private final List<Long> receivedAtNanos = new ArrayList<>();
    private final String channel;

    private FakeUdpServer(DatagramSocket socket, Responder responder, Transcript transcript) {
        this.socket = socket;
        this.channel = transcript.newChannel("fake-udp", Transcript.Side.SERVER);
        this.receiver = new Thread(() -> serve(responder, transcript), "socketlab-fake-udp");
        receiver.setDaemon(true);
        receiver.start();
    }

    public static FakeUdpServer start(Transcript transcript, Responder responder) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        return new FakeUdpServer(socket, responder, transcript);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Every datagram received so far, in order. */
    public synchronized List<byte[]> received() {
        return List.copyOf(received);
    }

    /** When each datagram of {@link #received()} arrived, in {@link System#nanoTime()} units. */
    public synchronized List<Long> receivedAtNanos() {
        return List.copyOf(receivedAtNanos);
    }

    private void serve(Responder responder, Transcript transcript) {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] payload = Arrays.copyOf(packet.getData(), packet.getLength());
                int index;
                synchronized (this) {
                    index = received.size();
                    received.add(payload);
                    receivedAtNanos.add(System.nanoTime());
                }
                transcript.received(channel, payload, 0, payload.length);
                Optional<byte[]> answer = responder.answer(index, payload);
                if (answer.isPresent()) {
                    byte[] reply = answer.get();
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                    transcript.sent(channel, reply, 0, reply.length);
                } else if (responder != Responder.SILENT) {
                    transcript.note(channel, "(dropped datagram " + (index + 1) + " on purpose)");
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        receiver.interrupt();
    }
}
