package io.socketlab.student.echo;

import java.net.Socket;
import java.util.logging.Logger;

/** One TCP connection of the echo server: every byte goes back unchanged, until the client half-closes. */
final class EchoTcpSession implements Runnable {

    private static final Logger LOG = Logger.getLogger(EchoTcpSession.class.getName());

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Socket socket;

    EchoTcpSession(Socket socket) {
        this.socket = socket;
    }

    @Override
    public void run() {
        // TODO: narrate the protocol in the log (docs/logging.md): LOG.fine(...) when the connection
        //   opens and closes and at each decision (a refusal, an error answer), LOG.finer(...) per message.
        // TODO: open the socket's streams in try-with-resources (`try (socket; ...)` closes the
        //   socket too). No read timeout: until the client half-closes, the server must not close
        //   the connection on its own, however long it stays silent (ECHO-2).
        // TODO(ECHO-1): loop: read into a byte[BUFFER_BYTES] buffer and write back exactly the
        //   n bytes read. Never decode them: any byte value must go through.
        // TODO(ECHO-4): write each chunk before reading the next; do not collect the whole stream.
        // TODO(ECHO-2): read() returns -1 when the client half-closes: leave the loop, and the
        //   close at the end of the try block sends what remains, then FIN.
        // TODO(ECHO-6): catch IOException and log it (LOG.fine): it ends this connection only.
        throw new UnsupportedOperationException("not implemented yet: see specs/echo.md");
    }
}
