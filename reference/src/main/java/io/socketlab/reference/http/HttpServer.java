package io.socketlab.reference.http;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.GracefulShutdown;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/** The HTTP/1.1 static file server: serves one folder, with a pooled thread per connection. */
public final class HttpServer {

    static final String PROGRAM = "http server";
    private static final String USAGE = "HttpServer --port N --root DIR [--host H]";
    private static final Logger LOG = Logger.getLogger(HttpServer.class.getName());
    /** HTTP-15 asks for 100 at once; beyond this many, new connections are closed at once. */
    private static final int MAX_CONNECTIONS = 512;
    private static final int ACCEPT_BACKLOG = 1024;

    private HttpServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--port", "--host", "--root"), Set.of());
            args.expectNoPositionals();
            InetSocketAddress address = args.listenAddress();
            serve(address, openRoot(Path.of(args.requiredValue("--root"))));
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        }
    }

    private static DocumentRoot openRoot(Path dir) throws Failure {
        try {
            return new DocumentRoot(dir);
        } catch (IOException e) {
            throw Failure.usage("cannot serve the folder " + dir + ": " + e);
        }
    }

    /** Listens on {@code address} and serves clients until the process is terminated. */
    private static void serve(InetSocketAddress address, DocumentRoot root) throws Failure {
        try (ServerSocket listener = new ServerSocket()) {
            // Rebind at once after a restart, even while old connections linger in TIME_WAIT.
            listener.setReuseAddress(true);
            // A deep accept queue: a benchmark or a browser may open many connections at once.
            listener.bind(address, ACCEPT_BACKLOG);
            GracefulShutdown.install(listener); // HTTP-18
            LOG.info(() -> "listening on port " + listener.getLocalPort());
            acceptClients(listener, root);
        } catch (IOException e) {
            throw Failure.usage("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage());
        }
    }

    /** HTTP-15: accepts connections until {@code listener} is closed, each served on its own thread. */
    static void acceptClients(ServerSocket listener, DocumentRoot root) {
        // Threads are reused from one connection to the next, and never more than MAX_CONNECTIONS.
        ThreadPoolExecutor connections = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads());
        try {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    // Each response is written with one flush: Nagle's algorithm would only delay it.
                    client.setTcpNoDelay(true);
                    try {
                        connections.execute(new HttpConnection(client, root));
                    } catch (RejectedExecutionException full) {
                        client.close();
                    }
                } catch (IOException e) {
                    // Closed by the shutdown hook: just stop. Anything else must not end the loop.
                    if (!listener.isClosed()) {
                        LOG.warning(() -> "accept failed: " + e.getMessage());
                    }
                }
            }
        } finally {
            connections.shutdown();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "http-connection-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
