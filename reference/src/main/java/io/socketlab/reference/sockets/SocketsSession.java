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

/** One client's conversation with the sockets server, from greeting to {@code BYE}. */
final class SocketsSession implements Runnable {

    private static final String GREETING = "HELLO socketlab-reference";
    private static final byte[] BYE = "BYE".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_LINE_BYTES = 8192; // SOCK-4
    private static final int IDLE_TIMEOUT_MS = 60_000;

    private final Socket socket;

    SocketsSession(Socket socket) {
        this.socket = socket;
    }

    /** Talks with the client until {@code BYE}, an error or a disconnect, then closes the socket. */
    @Override
    public void run() {
        try (socket;
             InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            // The server is sequential: a client that says nothing must not hold it forever.
            socket.setSoTimeout(IDLE_TIMEOUT_MS);
            converse(in, out);
        } catch (SocketTimeoutException e) {
            log("closed after " + IDLE_TIMEOUT_MS / 1000 + " s of silence");
        } catch (IOException e) {
            log("connection lost: " + e.getMessage()); // SOCK-6: only this client is affected
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
                Lines.write(out, "ERR line-too-long"); // SOCK-4
                LingeringClose.drain(socket, in);
                return;
            }
            if (line == null) {
                return; // the client left without BYE
            }
            if (Arrays.equals(line, BYE)) {
                Lines.write(out, "BYE"); // SOCK-5: lines after it are not answered
                LingeringClose.drain(socket, in);
                return;
            }
            // SOCK-2, SOCK-6: bytes are counted, never decoded, so invalid UTF-8 is just counted.
            Lines.write(out, "RECEIVED " + line.length);
        }
    }

    private void log(String message) {
        System.err.println(SocketsServer.PROGRAM + ": " + socket.getRemoteSocketAddress() + ": " + message);
    }
}
