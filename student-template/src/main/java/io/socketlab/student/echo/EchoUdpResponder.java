package io.socketlab.student.echo;

import java.net.DatagramSocket;
import java.util.logging.Logger;

/** The UDP side of the echo server: sends every datagram back, as one datagram, to where it came from. */
final class EchoUdpResponder implements Runnable {

    private static final Logger LOG = Logger.getLogger(EchoUdpResponder.class.getName());

    // The largest a UDP length field allows: no datagram is ever cut short.
    private static final int BUFFER_BYTES = 65_535;

    private final DatagramSocket socket;

    EchoUdpResponder(DatagramSocket socket) {
        this.socket = socket;
    }

    @Override
    public void run() {
        // TODO(ECHO-5): loop while the socket is open: receive() into a DatagramPacket over a
        //   byte[BUFFER_BYTES] buffer, then send() the same packet: it now holds the sender's
        //   address and port and the datagram's length (even 0). Call packet.setLength(
        //   buffer.length) before each receive(), which shrinks it to the datagram it got.
        // TODO(ECHO-7): an IOException once the socket is closed means shutdown: stop quietly.
        //   Any other costs one datagram: log it (LOG.warning) and go on.
        throw new UnsupportedOperationException("not implemented yet: see specs/echo.md");
    }
}
