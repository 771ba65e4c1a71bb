package io.socketlab.student.serialization;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;

/** The report server: opens the store, then gives each connection its own thread and {@link SerializationSession}. */
public final class SerializationServer {

    private static final Logger LOG = Logger.getLogger(SerializationServer.class.getName());

    static final String PROGRAM = "serialization server";
    private static final String USAGE = "SerializationServer --port N --store FILE [--host H]";

    private SerializationServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--port", "--host", "--store"), Set.of());
            args.expectNoPositionals();
            InetSocketAddress address = args.listenAddress();
            serve(address, Path.of(args.requiredValue("--store")));
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/serialization.md)");
            System.exit(1);
        }
    }

    /**
     * Opens the store, listens on {@code address} and serves clients until the process is terminated.
     *
     * @throws Failure if the store cannot be opened or the server cannot listen
     *     (use {@code Failure.usage(...)}: exit code 2)
     */
    private static void serve(InetSocketAddress address, Path storeFile) throws Failure {
        // TODO(SER-6): ReportStore.open(storeFile) first, so that ids continue from earlier runs;
        //   an IOException there is Failure.usage("cannot use ... as the store: ...").
        // TODO: open a ServerSocket in try-with-resources, setReuseAddress(true), bind(address);
        //   an IOException is Failure.usage("cannot listen on ...").
        // TODO(SER-8): GracefulShutdown.install(listener), so that SIGTERM ends with exit code 0.
        // TODO(SER-7): loop while the listener is open: accept() and start a new Thread running a
        //   SerializationSession(client, store) for each client. An IOException must never end the loop.
        throw new UnsupportedOperationException("not implemented yet: see specs/serialization.md");
    }
}
