package io.socketlab.reference.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.logging.Logger;

/** One TCP connection of the echo server: every byte goes back unchanged, until the client half-closes. */
final class EchoTcpSession implements Runnable {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(EchoTcpSession.class.getName());

    private final Socket socket;

    EchoTcpSession(Socket socket) {
        this.socket = socket;
    }

    @Override
    public void run() {
        try (socket;
             InputStream in = socket.getInputStream();
             OutputStream out = socket.getOutputStream()) {
            LOG.fine(() -> socket.getRemoteSocketAddress() + ": connection opened");
            // No read timeout on purpose: until the client half-closes, the connection is its own
            // to keep, however long it stays silent (ECHO-2).
            byte[] buffer = new byte[BUFFER_BYTES];
            // ECHO-1: bytes are copied, never decoded, so any byte value goes through.
            // ECHO-4: each chunk is written back before the next is read; if the client stops
            // reading, write() blocks and TCP flow control slows the client's sending in turn.
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
            // ECHO-2: -1 means the client half-closed. All its bytes are written back, so the
            // close at the end of this block sends what remains and then our FIN.
            LOG.fine(() -> socket.getRemoteSocketAddress() + ": half-closed, all echoed: closing");
        } catch (IOException e) {
            // ECHO-6: a reset or broken pipe ends this connection only.
            LOG.fine(() -> socket.getRemoteSocketAddress() + ": connection lost: " + e.getMessage());
        }
    }
}
