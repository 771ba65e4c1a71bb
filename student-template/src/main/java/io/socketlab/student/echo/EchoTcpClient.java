package io.socketlab.student.echo;

import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.util.logging.Logger;

/** The TCP mode of the echo client: stdin goes to the server in one thread, the echo to stdout in another. */
final class EchoTcpClient {

    private static final Logger LOG = Logger.getLogger(EchoTcpClient.class.getName());

    private static final int ANSWER_TIMEOUT_MS = 10_000;
    private static final int BUFFER_BYTES = 8192;

    private final InetSocketAddress server;

    EchoTcpClient(InetSocketAddress server) {
        this.server = server;
    }

    /**
     * ECHO-8: copies stdin to the server and the server's bytes to stdout, until the server
     * closes after the end of stdin.
     *
     * @throws Failure {@code Failure.incomplete} (exit 2) when the exchange cannot be completed
     */
    void run() throws Failure {
        // TODO(ECHO-10): a Socket in try-with-resources; connect(server, ANSWER_TIMEOUT_MS);
        //   connection refused is Failure.incomplete("cannot connect to ...").
        // TODO(ECHO-8): start a daemon Thread that copies System.in to the socket (a
        //   byte[BUFFER_BYTES] buffer) and, at the end of stdin, calls socket.shutdownOutput().
        // TODO(ECHO-8): meanwhile, in this thread, copy the socket to System.out (flush after
        //   each chunk) until read() returns -1; then return (exit 0).
        // TODO: setSoTimeout(ANSWER_TIMEOUT_MS): 10 s without an echo that is owed (bytes sent
        //   but not yet back, or the close after the end of stdin) is Failure.incomplete(...).
        throw new UnsupportedOperationException("not implemented yet: see specs/echo.md");
    }
}
