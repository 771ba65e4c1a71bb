package io.socketlab.reference.echo;

import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.LineReader;
import io.socketlab.reference.common.LineReader.LineTooLongException;
import io.socketlab.reference.common.Lines;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Logger;

/** The UDP mode of the echo client: each stdin line is one datagram, sent until echoed or three times. */
final class EchoUdpClient {

    private static final int MAX_PAYLOAD_BYTES = 65_507; // the most one IPv4 datagram carries
    // Longer lines are still read whole, to be reported LOST without being sent.
    private static final int MAX_LINE_BYTES = 1 << 20;
    private static final int ATTEMPTS = 3; // ECHO-9: at most 3 sends in all
    private static final Logger LOG = Logger.getLogger(EchoUdpClient.class.getName());

    private final InetSocketAddress server;
    private final int timeoutMs;
    private final byte[] buffer = new byte[65_535];

    EchoUdpClient(InetSocketAddress server, int timeoutMs) {
        this.server = server;
        this.timeoutMs = timeoutMs;
    }

    /** ECHO-9: sends every stdin line and says whether all of them came back. */
    boolean run() throws Failure {
        LineReader stdin = new LineReader(System.in, MAX_LINE_BYTES);
        boolean allEchoed = true;
        try (DatagramSocket socket = new DatagramSocket()) {
            for (byte[] line = stdin.readLine(); line != null; line = stdin.readLine()) {
                // ECHO-9: a line too long for one datagram is lost without being sent.
                if (line.length <= MAX_PAYLOAD_BYTES && echoed(socket, line)) {
                    Lines.write(System.out, line);
                } else {
                    System.err.write("LOST ".getBytes(StandardCharsets.UTF_8));
                    Lines.write(System.err, line);
                    allEchoed = false; // and go on with the next line
                }
            }
        } catch (LineTooLongException e) {
            throw Failure.usage("cannot handle a stdin " + e.getMessage());
        } catch (IOException e) {
            throw Failure.incomplete("cannot send to " + server.getHostString() + ":" + server.getPort()
                    + ": " + e.getMessage());
        }
        return allEchoed;
    }

    /** Sends {@code payload} up to {@link #ATTEMPTS} times, each time waiting for its echo. */
    private boolean echoed(DatagramSocket socket, byte[] payload) throws IOException {
        DatagramPacket request = new DatagramPacket(payload, payload.length, server);
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            socket.send(request);
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            for (long leftMs = timeoutMs; leftMs > 0; leftMs = (deadline - System.nanoTime()) / 1_000_000) {
                socket.setSoTimeout((int) leftMs);
                reply.setLength(buffer.length);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException e) {
                    LOG.fine(() -> "no echo of a " + payload.length + "-byte line within " + timeoutMs + " ms");
                    break; // this attempt is lost: send again
                }
                // A stray datagram, or a late echo of an earlier line, is not this one's: skip it.
                if (server.equals(reply.getSocketAddress())
                        && Arrays.equals(buffer, 0, reply.getLength(), payload, 0, payload.length)) {
                    return true;
                }
                LOG.fine(() -> "skipped a datagram from " + reply.getSocketAddress() + " that is not this line's echo");
            }
        }
        return false;
    }
}
