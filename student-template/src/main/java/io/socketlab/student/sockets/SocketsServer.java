package io.socketlab.student.sockets;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.logging.Logger;

/** The sockets server: accepts clients one at a time and hands each to a {@link SocketsSession}. */
public final class SocketsServer {

    private static final Logger LOG = Logger.getLogger(SocketsServer.class.getName());

    static final String PROGRAM = "sockets server";
    private static final String USAGE = "SocketsServer --port N [--host H]";

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
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/sockets.md)");
            System.exit(1);
        }
    }

    /**
     * Listens on {@code address} and serves clients until the process is terminated.
     *
     * @throws Failure if the server cannot listen (use {@code Failure.usage(...)}: exit code 2)
     */
    private static void serve(InetSocketAddress address) throws Failure {
        // TODO(SOCK-7): open a ServerSocket in try-with-resources, call setReuseAddress(true)
        //   (so a restarted server can bind again at once), then bind(address). Turn an
        //   IOException here into Failure.usage("cannot listen on ...: " + e.getMessage()).
        // TODO(SOCK-8): GracefulShutdown.install(listener), so that SIGTERM ends with exit code 0.
        // TODO(SOCK-7): loop while the listener is open: accept() a client and run a
        //   SocketsSession for it. One client at a time is enough here, but an IOException from
        //   one client (or from accept) must never end the loop; log it (LOG.warning) and go on.
        throw new UnsupportedOperationException("not implemented yet: see specs/sockets.md");
    }
}
