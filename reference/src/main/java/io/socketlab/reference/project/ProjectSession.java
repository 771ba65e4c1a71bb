package io.socketlab.reference.project;

import io.socketlab.reference.common.LineReader;
import io.socketlab.reference.common.LineReader.LineTooLongException;
import io.socketlab.reference.common.Lines;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** One client's conversation: a command per line, a reply per command, until {@code QUIT} or a disconnect. */
final class ProjectSession implements Runnable {

    private static final int MAX_LINE_BYTES = 8192;
    private static final int IDLE_TIMEOUT_MS = 60_000;
    private static final Logger LOG = Logger.getLogger(ProjectSession.class.getName());

    private final Socket socket;
    private final String peer; // for the log: which client a record is about
    private final KeyValueStore store;

    ProjectSession(Socket socket, KeyValueStore store) {
        this.socket = socket;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        this.store = store;
    }

    @Override
    public void run() {
        try (socket;
             InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            socket.setSoTimeout(IDLE_TIMEOUT_MS);
            LOG.fine(() -> peer + ": connection opened");
            LineReader lines = new LineReader(in, MAX_LINE_BYTES);
            for (byte[] line = lines.readLine(); line != null; line = lines.readLine()) {
                String command = new String(line, StandardCharsets.UTF_8);
                if (command.equals("QUIT")) {
                    Lines.write(out, "BYE");
                    break;
                }
                String reply = store.execute(command);
                LOG.finer(() -> peer + ": " + command + " -> " + reply);
                Lines.write(out, reply);
            }
            LOG.fine(() -> peer + ": connection closed");
        } catch (LineTooLongException e) {
            LOG.fine(() -> peer + ": a line over " + MAX_LINE_BYTES + " bytes: closed");
        } catch (IOException e) {
            LOG.fine(() -> peer + ": connection lost: " + e.getMessage());
        }
    }
}
