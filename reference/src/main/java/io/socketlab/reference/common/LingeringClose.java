package io.socketlab.reference.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

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
        socket.shutdownOutput();
        socket.setSoTimeout(LINGER_TIMEOUT_MS);
        byte[] sink = new byte[8192];
        try {
            long discarded = 0;
            for (int n = in.read(sink); n != -1 && discarded < LINGER_MAX_BYTES; n = in.read(sink)) {
                discarded += n;
            }
        } catch (SocketTimeoutException e) {
            // The client has stopped sending but not closed: our close can no longer hurt it.
        }
    }
}
