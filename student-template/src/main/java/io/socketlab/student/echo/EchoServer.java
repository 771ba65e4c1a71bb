package io.socketlab.student.echo;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.logging.Logger;

/** The echo server: a TCP accept loop with a thread per connection, and a UDP responder on the same port. */
public final class EchoServer {

    private static final Logger LOG = Logger.getLogger(EchoServer.class.getName());

    static final String PROGRAM = "echo server";
    private static final String USAGE = "EchoServer --port N [--host H]";
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
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/echo.md)");
            System.exit(1);
        }
    }

    /**
     * Listens on {@code address} over TCP and UDP and echoes until the process is terminated.
     *
     * @throws Failure if the server cannot listen (use {@code Failure.usage(...)}: exit code 2)
     */
    private static void serve(InetSocketAddress address) throws Failure {
        // TODO(ECHO-5): in one try-with-resources, a ServerSocket (setReuseAddress(true), then
        //   bind(address, BACKLOG)) and a DatagramSocket bound to the same address.
        // TODO(ECHO-7): GracefulShutdown.install(listener, datagrams).
        // TODO(ECHO-5): start a Thread running an EchoUdpResponder.
        // TODO(ECHO-3): loop while the listener is open: accept() and start a new Thread running
        //   an EchoTcpSession for each client. An IOException must never end the loop.
        throw new UnsupportedOperationException("not implemented yet: see specs/echo.md");
    }
}
