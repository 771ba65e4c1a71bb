package io.socketlab.reference.udptransfer;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.GracefulShutdown;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;

/** The udp-transfer server: one socket for every client, one thread, and a {@link Transfers} table. */
public final class UdpTransferServer {

    static final String PROGRAM = "udp-transfer server";
    private static final String USAGE = "UdpTransferServer --port N --dir DIR [--host H]";
    private static final Logger LOG = Logger.getLogger(UdpTransferServer.class.getName());
    /** How often idle transfers are looked for, even while no datagram arrives. */
    private static final int SWEEP_INTERVAL_MS = 1_000;
    /** Room for the windows of several clients while a digest is being checked. */
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private UdpTransferServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--port", "--host", "--dir"), Set.of());
            args.expectNoPositionals();
            InetSocketAddress address = args.listenAddress();
            serve(address, openFolder(Path.of(args.requiredValue("--dir"))));
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        }
    }

    /** The folder is created if it does not exist yet. */
    private static Transfers openFolder(Path dir) throws Failure {
        try {
            return new Transfers(Files.createDirectories(dir));
        } catch (IOException e) {
            throw Failure.usage("cannot store files in " + dir + ": " + e);
        }
    }

    /** Answers datagrams on {@code address} until the process is terminated. */
    private static void serve(InetSocketAddress address, Transfers transfers) throws Failure {
        try (DatagramSocket socket = new DatagramSocket(address)) {
            socket.setReceiveBufferSize(SOCKET_BUFFER_BYTES);
            socket.setSoTimeout(SWEEP_INTERVAL_MS);
            GracefulShutdown.install(socket);
            LOG.info(() -> "listening on UDP port " + socket.getLocalPort());
            answerDatagrams(socket, transfers);
        } catch (IOException e) {
            throw Failure.usage("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage());
        }
    }

    private static void answerDatagrams(DatagramSocket socket, Transfers transfers) {
        byte[] buffer = new byte[Wire.RECEIVE_BUFFER_BYTES];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        long nextSweep = System.nanoTime();
        while (!socket.isClosed()) {
            try {
                try {
                    // receive() shrinks the packet's length to the datagram it got: widen it again.
                    packet.setLength(buffer.length);
                    socket.receive(packet);
                    ByteBuffer reply = transfers.answer(packet.getSocketAddress(),
                            ByteBuffer.wrap(buffer, 0, packet.getLength()));
                    if (reply != null) {
                        socket.send(new DatagramPacket(reply.array(), reply.limit(), packet.getSocketAddress()));
                    }
                } catch (SocketTimeoutException e) {
                    // Nothing arrived for a while: a good moment to look for idle transfers.
                }
                if (System.nanoTime() - nextSweep >= 0) {
                    transfers.dropIdle();
                    nextSweep = System.nanoTime() + SWEEP_INTERVAL_MS * 1_000_000L;
                }
            } catch (IOException e) {
                // Closed by the shutdown hook: just stop. Anything else (a full disk, say) costs
                // one datagram, which the client sends again; the server goes on serving.
                if (!socket.isClosed()) {
                    LOG.warning(() -> "a datagram is lost: " + e.getMessage());
                }
            }
        }
    }
}
