package io.socketlab.reference.sockets;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.GracefulShutdown;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.logging.Logger;

/** The sockets server: accepts clients one at a time and hands each to a {@link SocketsSession}. */
public final class SocketsServer {

    static final String PROGRAM = "sockets server";
    private static final String USAGE = "SocketsServer --port N [--host H]";
    private static final Logger LOG = Logger.getLogger(SocketsServer.class.getName());

    private SocketsServer() {
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

    /** Listens on {@code address} and serves clients until the process is terminated. */
    private static void serve(InetSocketAddress address) throws Failure {
        try (ServerSocket listener = new ServerSocket()) {
            // Rebind at once after a restart, even while old connections linger in TIME_WAIT.
            listener.setReuseAddress(true);
            listener.bind(address);
            GracefulShutdown.install(listener); // SOCK-8
            LOG.info(() -> "listening on port " + listener.getLocalPort());
            acceptClients(listener);
        } catch (IOException e) {
            throw Failure.usage("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage());
        }
    }

    /**
     * SOCK-7: serves one client after another. Sequential service is enough for this exercise;
     * the session's read timeout keeps a silent client from holding the server forever.
     */
    private static void acceptClients(ServerSocket listener) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                new SocketsSession(client).run();
            } catch (IOException e) {
                // Closed by the shutdown hook: just stop. Anything else must not end the loop.
                if (!listener.isClosed()) {
                    LOG.warning(() -> "accept failed: " + e.getMessage());
                }
            }
        }
    }
}
