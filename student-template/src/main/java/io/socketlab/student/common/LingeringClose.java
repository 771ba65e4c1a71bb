package io.socketlab.student.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/** Ends a connection after a last reply without letting a TCP reset destroy that reply. */
public final class LingeringClose {

    private static final int LINGER_TIMEOUT_MS = 1_000;
    private static final int LINGER_MAX_BYTES = 1 << 20;

    private LingeringClose() {
    }

    /**
     * Closing a socket with unread input makes TCP send a reset, which may destroy our last reply
     * before the client reads it. So this sends FIN after that reply, then swallows what the client
     * is still sending, for a bounded time and amount (the "lingering close" of RFC 9112, 9.6).
     * The caller closes the socket afterwards.
     */
    public static void drain(Socket socket, InputStream in) throws IOException {
        // TODO(SOCK-4, SOCK-5): socket.shutdownOutput() (FIN after the last reply), then
        //   socket.setSoTimeout(LINGER_TIMEOUT_MS) and read into a byte[] and throw away until
        //   read() returns -1, LINGER_MAX_BYTES have been read, or SocketTimeoutException (the
        //   client is silent but has not closed: our close can no longer hurt it).
        throw new UnsupportedOperationException("not implemented yet: see specs/sockets.md");
    }
}
