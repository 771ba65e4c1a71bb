package io.socketlab.reference.project;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.GracefulShutdown;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.logging.Logger;

/** The key-value server: one thread per client, all of them sharing one {@link KeyValueStore}. */
public final class ProjectServer {

    static final String PROGRAM = "key-value server";
    static final String USAGE = "ProjectServer --port N [--host H]";
    private static final Logger LOG = Logger.getLogger(ProjectServer.class.getName());
    static final String HELP = """
            Usage: %s
            A key-value store over TCP. Each line a client sends is a command, answered by one line:
              PUT <key> <value>   store a value             -> OK
              GET <key>           read it                   -> VALUE <value> | ERR not-found
              DEL <key>           remove it                 -> OK | ERR not-found
              SIZE                how many keys are stored  -> SIZE <n>
              QUIT                end the conversation      -> BYE
            Options:
              --port N   the TCP port to listen on (required)
              --host H   the address to listen on (default: every interface)
              --help     print this help and exit""".formatted(USAGE);

    private ProjectServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--port", "--host"), Set.of("--help"));
            if (args.flag("--help")) {
                System.out.println(HELP); // PROJ-1
                return;
            }
            args.expectNoPositionals();
            try (ServerSocket listener = listen(args.listenAddress())) {
                GracefulShutdown.install(listener); // PROJ-3
                LOG.info(() -> "listening on port " + listener.getLocalPort());
                acceptClients(listener, new KeyValueStore());
            } catch (IOException e) {
                throw Failure.usage("cannot listen: " + e.getMessage());
            }
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        }
    }

    /** A listening socket on {@code address} (port 0: any free port), rebindable at once after a restart. */
    static ServerSocket listen(InetSocketAddress address) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(address);
            return listener;
        } catch (IOException e) {
            listener.close();
            throw e;
        }
    }

    /** Serves every client in a thread of its own until {@code listener} is closed. */
    static void acceptClients(ServerSocket listener, KeyValueStore store) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread session = new Thread(new ProjectSession(client, store), "session-" + client.getPort());
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                // Closed by the shutdown hook (or a test): just stop.
                if (!listener.isClosed()) {
                    LOG.warning(() -> "accept failed: " + e.getMessage());
                }
            }
        }
    }
}
