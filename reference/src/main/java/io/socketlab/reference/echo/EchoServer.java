package io.socketlab.reference.echo;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.GracefulShutdown;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.logging.Logger;

/** The echo server: a TCP accept loop with a thread per connection, and a UDP responder on the same port. */
public final class EchoServer {

    static final String PROGRAM = "echo server";
    private static final String USAGE = "EchoServer --port N [--host H]";
    private static final Logger LOG = Logger.getLogger(EchoServer.class.getName());
    // ECHO-3: room for 100 clients connecting at the same moment, before accept() catches up.
    private static final int BACKLOG = 256;

    private EchoServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--port", "--host"), Set.of());
            args.expectNoPositionals();
            serve(args.listenAddress());
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        }
    }

    /** Listens on {@code address} over TCP and UDP and echoes until the process is terminated. */
    private static void serve(InetSocketAddress address) throws Failure {
        try (ServerSocket listener = new ServerSocket();
             DatagramSocket datagrams = new DatagramSocket(address)) { // ECHO-5: same port number
            // Rebind at once after a restart, even while old connections linger in TIME_WAIT.
            listener.setReuseAddress(true);
            listener.bind(address, BACKLOG);
            GracefulShutdown.install(listener, datagrams); // ECHO-7
            new Thread(new EchoUdpResponder(datagrams), "echo-udp").start();
            LOG.info(() -> "listening on TCP and UDP port " + listener.getLocalPort());
            acceptClients(listener);
        } catch (IOException e) {
            throw Failure.usage("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage());
        }
    }

    /** ECHO-3: each connection gets its own thread, so a slow or silent client delays nobody else. */
    private static void acceptClients(ServerSocket listener) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                new Thread(new EchoTcpSession(client), "echo-tcp " + client.getRemoteSocketAddress()).start();
            } catch (IOException e) {
                // Closed by the shutdown hook: just stop. Anything else must not end the loop.
                if (!listener.isClosed()) {
                    LOG.warning(() -> "accept failed: " + e.getMessage());
                }
            }
        }
    }
}
