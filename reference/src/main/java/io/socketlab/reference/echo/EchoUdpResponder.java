package io.socketlab.reference.echo;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.logging.Logger;

/** The UDP side of the echo server: sends every datagram back, as one datagram, to where it came from. */
final class EchoUdpResponder implements Runnable {

    // The largest a UDP length field allows: no datagram is ever cut short.
    private static final int BUFFER_BYTES = 65_535;
    private static final Logger LOG = Logger.getLogger(EchoUdpResponder.class.getName());

    private final DatagramSocket socket;

    EchoUdpResponder(DatagramSocket socket) {
        this.socket = socket;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[BUFFER_BYTES];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                // receive() shrinks the packet's length to the datagram it got: widen it again.
                packet.setLength(buffer.length);
                socket.receive(packet);
                LOG.finer(() -> packet.getSocketAddress() + ": a datagram of " + packet.getLength() + " bytes");
                // ECHO-5: the packet now holds the sender's address and port, so sending it as it
                // is returns the same bytes (even zero of them) to their source.
                socket.send(packet);
            } catch (IOException e) {
                // Closed by the shutdown hook: just stop. Anything else costs one datagram at most.
                if (!socket.isClosed()) {
                    LOG.warning(() -> "UDP: " + e.getMessage());
                }
            }
        }
    }
}
