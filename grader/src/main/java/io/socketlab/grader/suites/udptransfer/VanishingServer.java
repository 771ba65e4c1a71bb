package io.socketlab.grader.suites.udptransfer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server that goes away after the client's first datagram (UT-16): it takes that datagram, answers nothing, and
 * from then on the kernel answers every datagram to its port with an ICMP "port unreachable", as for a server that
 * crashed. The port stays held (its socket is connected to another peer, so it matches none of the client's
 * datagrams), so no other program can take it while the test runs. A client whose UDP socket is connected sees those
 * errors as "connection refused" on its next receive; the contract asks it to treat them as silence.
 */
final class VanishingServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Thread receiver;
    private final AtomicLong firstNanos = new AtomicLong(-1);

    VanishingServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        receiver = new Thread(this::takeFirst, "socketlab-vanishing-server");
        receiver.setDaemon(true);
        receiver.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** When the client's first datagram arrived ({@link System#nanoTime()}), or -1 if none did. */
    long firstNanos() {
        return firstNanos.get();
    }

    private void takeFirst() {
        byte[] buffer = new byte[65_535];
        try {
            socket.receive(new DatagramPacket(buffer, buffer.length));
            firstNanos.set(System.nanoTime());
            // Port 9 (discard) on loopback: nothing the client sends matches this peer any more.
            socket.connect(new InetSocketAddress("127.0.0.1", 9));
        } catch (IOException e) {
            // Closed at the end of the test before the client sent anything: the test says so.
        }
    }

    @Override
    public void close() {
        socket.close();
        receiver.interrupt();
    }
}
