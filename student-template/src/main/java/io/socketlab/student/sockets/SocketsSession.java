package io.socketlab.student.sockets;

import java.net.Socket;
import java.util.logging.Logger;

/** One client's conversation with the sockets server, from greeting to {@code BYE}. */
final class SocketsSession implements Runnable {

    private static final Logger LOG = Logger.getLogger(SocketsSession.class.getName());

    private static final int MAX_LINE_BYTES = 8192; // SOCK-4
    private static final int IDLE_TIMEOUT_MS = 60_000;

    private final Socket socket;

    SocketsSession(Socket socket) {
        this.socket = socket;
    }

    /** Talks with the client until {@code BYE}, an error or a disconnect, then closes the socket. */
    @Override
    public void run() {
        // TODO: narrate the protocol in the log (docs/logging.md): LOG.fine(...) when the connection
        //   opens and closes and at each decision (a refusal, an error answer), LOG.finer(...) per message.
        // TODO: open the socket's streams in try-with-resources (`try (socket; ...)` closes the
        //   socket too), and call socket.setSoTimeout(IDLE_TIMEOUT_MS): the server is sequential,
        //   so a client that says nothing must not hold it forever.
        // TODO(SOCK-1): first send "HELLO <server-name>" (any non-empty name), with Lines.write.
        // TODO(SOCK-3): read lines with a LineReader(new BufferedInputStream(in), MAX_LINE_BYTES).
        // TODO(SOCK-2): answer each line "RECEIVED <n>", n = its length in BYTES (not chars):
        //   an empty line gets "RECEIVED 0".
        // TODO(SOCK-4): on LineTooLongException, send "ERR line-too-long" and close.
        // TODO(SOCK-5): the line "BYE" (exactly) gets "BYE", then close.
        // TODO(SOCK-4, SOCK-5): before closing after ERR or BYE, LingeringClose.drain(socket, in):
        //   closing with unread input sends a TCP reset, which can destroy your last reply.
        // TODO(SOCK-6): catch IOException (a reset, a timeout) here and log it (LOG.fine): a
        //   broken client must only end its own session. Never decode the line: a line that is
        //   not valid UTF-8 is simply counted.
        throw new UnsupportedOperationException("not implemented yet: see specs/sockets.md");
    }
}
