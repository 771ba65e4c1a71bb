package io.socketlab.student.udptransfer;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import io.socketlab.student.common.GracefulShutdown;
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

    private static final Logger LOG = Logger.getLogger(UdpTransferServer.class.getName());

    static final String PROGRAM = "udp-transfer server";
    private static final String USAGE = "UdpTransferServer --port N --dir DIR [--host H]";
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
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/udp-transfer.md)");
            System.exit(1);
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
        // TODO: open a DatagramSocket(address) in try-with-resources; an IOException is Failure.usage("cannot listen on ...").
        // TODO: setSoTimeout(SWEEP_INTERVAL_MS), so that idle transfers are dropped even when nothing arrives.
        // TODO: GracefulShutdown.install(socket), then answerDatagrams(socket, transfers).
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }

    private static void answerDatagrams(DatagramSocket socket, Transfers transfers) {
        // TODO: loop while the socket is open: receive a datagram (setLength(buffer.length) first), ask
        //   transfers.answer(packet.getSocketAddress(), ByteBuffer.wrap(buffer, 0, length)) and send a non-null
        //   reply back to packet.getSocketAddress().
        // TODO: about once a second call transfers.dropIdle(). An IOException must never end the loop.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }
}
