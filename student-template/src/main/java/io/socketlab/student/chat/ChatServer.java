package io.socketlab.student.chat;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.logging.Logger;

/** The chat server: one {@link ChatRoom}, and a reader thread with a {@link ChatSession} per connection. */
public final class ChatServer {

    private static final Logger LOG = Logger.getLogger(ChatServer.class.getName());

    static final String PROGRAM = "chat server";
    private static final String USAGE = "ChatServer --port N [--host H]";
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
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/chat.md)");
            System.exit(1);
        }
    }

    /**
     * Listens on {@code address} and serves clients until the process is terminated.
     *
     * @throws Failure if the server cannot listen (use {@code Failure.usage(...)}: exit code 2)
     */
    private static void serve(InetSocketAddress address) throws Failure {
        // TODO: open a ServerSocket in try-with-resources, setReuseAddress(true), then
        //   bind(address, BACKLOG); an IOException is Failure.usage("cannot listen on ...").
        // TODO(CHAT-10): GracefulShutdown.install(listener), so that SIGTERM ends with exit code 0.
        // TODO: create ONE ChatRoom: every session shares it.
        // TODO: loop while the listener is open: accept() and start a reader thread for each
        //   client, new Thread(null, new ChatSession(client, room), name, THREAD_STACK_BYTES).
        //   An IOException must never end the loop.
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }
}
