package io.socketlab.reference.udptransfer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Forwards datagrams between one client and a server, dropping a seeded share of them at random in each direction:
 * just enough loss for the reference's own end-to-end test (the grader's network.LossyRelay scripts drops, delays
 * and duplicates for its suites).
 */
final class RandomDropRelay implements AutoCloseable {

    private final DatagramSocket front = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    private final DatagramSocket back = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    private final InetSocketAddress server;
    private final double loss;
    private final Random random;
    private final AtomicLong clientBytes = new AtomicLong();
    private volatile SocketAddress client;

    RandomDropRelay(int serverPort, double loss, long seed) throws IOException {
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
        this.loss = loss;
        this.random = new Random(seed);
        new Thread(() -> forward(front, true), "relay-up").start();
        new Thread(() -> forward(back, false), "relay-down").start();
    }

    int port() {
        return front.getLocalPort();
    }

    /** Every byte the client sent, dropped ones included. */
    long clientBytes() {
        return clientBytes.get();
    }

    private void forward(DatagramSocket from, boolean up) {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (true) {
                packet.setLength(buffer.length);
                from.receive(packet);
                if (up) {
                    client = packet.getSocketAddress();
                    clientBytes.addAndGet(packet.getLength());
                }
                boolean drop;
                synchronized (random) {
                    drop = random.nextDouble() < loss;
                }
                if (!drop) {
                    DatagramSocket to = up ? back : front;
                    to.send(new DatagramPacket(buffer, packet.getLength(), up ? server : client));
                }
            }
        } catch (IOException e) {
            // closed: the relay is done
        }
    }

    @Override
    public void close() {
        front.close();
        back.close();
    }
}
