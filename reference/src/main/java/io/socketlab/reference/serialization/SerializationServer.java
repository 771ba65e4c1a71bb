package io.socketlab.reference.serialization;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.GracefulShutdown;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;

/** The report server: opens the store, then gives each connection its own thread and {@link SerializationSession}. */
public final class SerializationServer {

    static final String PROGRAM = "serialization server";
    private static final String USAGE = "SerializationServer --port N --store FILE [--host H]";
    private static final Logger LOG = Logger.getLogger(SerializationServer.class.getName());

    private SerializationServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--port", "--host", "--store"), Set.of());
            args.expectNoPositionals();
            InetSocketAddress address = args.listenAddress();
            serve(address, openStore(Path.of(args.requiredValue("--store"))));
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        }
    }

    /** SER-6: the store is read before the first client connects, so that ids continue. */
    private static ReportStore openStore(Path file) throws Failure {
        try {
            return ReportStore.open(file);
        } catch (IOException e) {
            throw Failure.usage("cannot use " + file + " as the store: " + e);
        }
    }

    /** Listens on {@code address} and serves clients until the process is terminated. */
    private static void serve(InetSocketAddress address, ReportStore store) throws Failure {
        try (ServerSocket listener = new ServerSocket()) {
            // Rebind at once after a restart, even while old connections linger in TIME_WAIT.
            listener.setReuseAddress(true);
            listener.bind(address);
            GracefulShutdown.install(listener); // SER-8
            LOG.info(() -> "listening on port " + listener.getLocalPort());
            acceptClients(listener, store);
        } catch (IOException e) {
            throw Failure.usage("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage());
        }
    }

    /** SER-7: each connection gets its own thread, so a slow or hostile client delays nobody else. */
    private static void acceptClients(ServerSocket listener, ReportStore store) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                new Thread(new SerializationSession(client, store), "report " + client.getRemoteSocketAddress()).start();
            } catch (IOException e) {
                // Closed by the shutdown hook: just stop. Anything else must not end the loop.
                if (!listener.isClosed()) {
                    LOG.warning(() -> "accept failed: " + e.getMessage());
                }
            }
        }
    }
}
