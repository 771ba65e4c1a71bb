package io.socketlab.student.http;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;

/** The HTTP/1.1 static file server: serves one folder, with a thread per connection. */
public final class HttpServer {

    private static final Logger LOG = Logger.getLogger(HttpServer.class.getName());

    static final String PROGRAM = "http server";
    private static final String USAGE = "HttpServer --port N --root DIR [--host H]";

    private HttpServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--port", "--host", "--root"), Set.of());
            args.expectNoPositionals();
            InetSocketAddress address = args.listenAddress();
            serve(address, Path.of(args.requiredValue("--root")));
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/http.md)");
            System.exit(1);
        }
    }

    /**
     * Serves the folder {@code root} on {@code address} until the process is terminated.
     *
     * @throws Failure if the folder cannot be used or the server cannot listen
     *     (use {@code Failure.usage(...)}: exit code 2)
     */
    private static void serve(InetSocketAddress address, Path root) throws Failure {
        // TODO: new DocumentRoot(root); an IOException is Failure.usage("cannot serve the folder ...").
        // TODO: open a ServerSocket in try-with-resources, setReuseAddress(true), bind(address);
        //   an IOException is Failure.usage("cannot listen on ...").
        // TODO(HTTP-18): GracefulShutdown.install(listener), so that SIGTERM ends with exit code 0.
        // TODO(HTTP-15): then acceptClients(listener, documentRoot).
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }

    /** HTTP-15: accepts connections until {@code listener} is closed, each served on its own thread. */
    static void acceptClients(ServerSocket listener, DocumentRoot root) {
        // TODO(HTTP-15): loop while the listener is open: accept(), setTcpNoDelay(true), and run
        //   an HttpConnection(client, root) on its own thread (or a pool of at least 200). An
        //   IOException must never end the loop.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }
}
