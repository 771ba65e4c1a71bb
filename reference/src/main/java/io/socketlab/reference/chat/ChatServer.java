package io.socketlab.reference.chat;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.GracefulShutdown;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.logging.Logger;

/** The chat server: one {@link ChatRoom}, and a reader thread with a {@link ChatSession} per connection. */
public final class ChatServer {

    static final String PROGRAM = "chat server";
    private static final String USAGE = "ChatServer --port N [--host H]";
    private static final Logger LOG = Logger.getLogger(ChatServer.class.getName());
    // Room for 1,000 clients connecting at the same moment, before accept() catches up.
    private static final int BACKLOG = 1024;
    /**
     * Each client has two threads, a reader and a writer: 2,000 threads for 1,000 clients. They
     * call a few methods deep at most, so a small stack each keeps the memory they reserve low.
     */
    static final long THREAD_STACK_BYTES = 256 * 1024;

    private ChatServer() {
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
            listener.bind(address, BACKLOG);
            GracefulShutdown.install(listener); // CHAT-10
            LOG.info(() -> "listening on port " + listener.getLocalPort());
            acceptClients(listener, new ChatRoom());
        } catch (IOException e) {
            throw Failure.usage("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage());
        }
    }

    /** Each connection gets its own reader thread: a client that sends nothing delays nobody else. */
    private static void acceptClients(ServerSocket listener, ChatRoom room) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                new Thread(null, new ChatSession(client, room), "chat " + client.getRemoteSocketAddress(),
                        THREAD_STACK_BYTES).start();
            } catch (IOException e) {
                // Closed by the shutdown hook: just stop. Anything else must not end the loop.
                if (!listener.isClosed()) {
                    LOG.warning(() -> "accept failed: " + e.getMessage());
                }
            }
        }
    }
}
