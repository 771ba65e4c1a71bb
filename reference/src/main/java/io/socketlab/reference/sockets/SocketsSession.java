package io.socketlab.reference.sockets;

import io.socketlab.reference.common.LineReader;
import io.socketlab.reference.common.LineReader.LineTooLongException;
import io.socketlab.reference.common.LingeringClose;
import io.socketlab.reference.common.Lines;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Logger;

/** One client's conversation with the sockets server, from greeting to {@code BYE}. */
final class SocketsSession implements Runnable {

    private static final String GREETING = "HELLO socketlab-reference";
    private static final byte[] BYE = "BYE".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_LINE_BYTES = 8192; // SOCK-4
    private static final int IDLE_TIMEOUT_MS = 60_000;
    private static final Logger LOG = Logger.getLogger(SocketsSession.class.getName());

    private final Socket socket;
    private final String peer; // for the log: which client a record is about

    SocketsSession(Socket socket) {
        this.socket = socket;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
    }

    /** Talks with the client until {@code BYE}, an error or a disconnect, then closes the socket. */
    @Override
    public void run() {
        try (socket;
             InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            // The server is sequential: a client that says nothing must not hold it forever.
            socket.setSoTimeout(IDLE_TIMEOUT_MS);
            LOG.fine(() -> peer + ": connection opened");
            converse(in, out);
            LOG.fine(() -> peer + ": connection closed");
        } catch (SocketTimeoutException e) {
            LOG.fine(() -> peer + ": closed after " + IDLE_TIMEOUT_MS / 1000 + " s of silence");
        } catch (IOException e) {
            LOG.fine(() -> peer + ": connection lost: " + e.getMessage()); // SOCK-6: only this client is affected
        }
    }

    private void converse(InputStream in, OutputStream out) throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE_BYTES);
        Lines.write(out, GREETING); // SOCK-1
        while (true) {
            byte[] line;
            try {
                line = lines.readLine();
            } catch (LineTooLongException e) {
                LOG.fine(() -> peer + ": a line over " + MAX_LINE_BYTES + " bytes: ERR, then close");
                Lines.write(out, "ERR line-too-long"); // SOCK-4
                LingeringClose.drain(socket, in);
                return;
            }
            if (line == null) {
                LOG.fine(() -> peer + ": the client left without BYE");
                return;
            }
            if (Arrays.equals(line, BYE)) {
                LOG.fine(() -> peer + ": BYE, answered and closing");
                Lines.write(out, "BYE"); // SOCK-5: lines after it are not answered
                LingeringClose.drain(socket, in);
                return;
            }
            // SOCK-2, SOCK-6: bytes are counted, never decoded, so invalid UTF-8 is just counted.
            int length = line.length;
            LOG.finer(() -> peer + ": a line of " + length + " bytes");
            Lines.write(out, "RECEIVED " + length);
        }
    }
}
