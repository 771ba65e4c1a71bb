package io.socketlab.student.udpstream;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import io.socketlab.student.common.GracefulShutdown;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/** The udp-stream receiver: assembles frames from every sender and writes each one as a PNG. */
public final class UdpStreamServer {

    private static final Logger LOG = Logger.getLogger(UdpStreamServer.class.getName());

    static final String PROGRAM = "udp-stream server";
    private static final String USAGE = "UdpStreamServer --port N --out DIR [--show] [--host H]";
    /** A burst of rows sent as fast as possible must wait here, not be dropped by the kernel. */
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private UdpStreamServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--port", "--host", "--out"), Set.of("--show"));
            args.expectNoPositionals();
            InetSocketAddress address = args.listenAddress();
            Path dir = openFolder(Path.of(args.requiredValue("--out")));
            FrameView view = args.flag("--show") ? FrameWindow.open() : FrameView.NONE;
            serve(address, dir, view);
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/udp-stream.md)");
            System.exit(1);
        }
    }

    /** The folder is created if it does not exist yet. */
    private static Path openFolder(Path dir) throws Failure {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw Failure.usage("cannot write frames to " + dir + ": " + e);
        }
    }

    /** Receives datagrams on {@code address} until the process is terminated. */
    private static void serve(InetSocketAddress address, Path dir, FrameView view) throws Failure {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "frame-timer");
            thread.setDaemon(true);
            return thread;
        });
        try (DatagramSocket socket = new DatagramSocket(address)) {
            socket.setReceiveBufferSize(SOCKET_BUFFER_BYTES);
            GracefulShutdown.install(socket);
            LOG.info(() -> "listening on UDP port " + socket.getLocalPort());
            receiveFrames(socket, new Frames(dir, view, timer));
        } catch (IOException e) {
            throw Failure.usage("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage());
        } finally {
            timer.shutdownNow();
        }
    }

    private static void receiveFrames(DatagramSocket socket, Frames frames) {
        // TODO: loop while the socket is open: receive a datagram into a 65,535-byte buffer (setLength first)
        //   and hand ByteBuffer.wrap(buffer, 0, length) to frames.receive(...). An IOException must never end the loop.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-stream.md");
    }
}
