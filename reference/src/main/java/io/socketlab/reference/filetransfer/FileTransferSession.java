package io.socketlab.reference.filetransfer;

import io.socketlab.reference.common.LineReader;
import io.socketlab.reference.common.LineReader.LineTooLongException;
import io.socketlab.reference.common.LingeringClose;
import io.socketlab.reference.common.Lines;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.logging.Logger;

/** One connection to the file server: any number of commands, one after another (FT-8). */
final class FileTransferSession implements Runnable {

    private static final int MAX_LINE_BYTES = 8192;
    private static final int IDLE_TIMEOUT_MS = 60_000;
    private static final Logger LOG = Logger.getLogger(FileTransferSession.class.getName());

    private final Socket socket;
    private final String peer; // for the log: which client a record is about
    private final FileStore store;

    FileTransferSession(Socket socket, FileStore store) {
        this.socket = socket;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        this.store = store;
    }

    @Override
    public void run() {
        try (socket;
             InputStream in = new BufferedInputStream(socket.getInputStream(), Content.BUFFER_BYTES);
             OutputStream out = new BufferedOutputStream(socket.getOutputStream(), Content.BUFFER_BYTES)) {
            // Silence, not slowness, ends a session: the timeout applies to each read on its own.
            socket.setSoTimeout(IDLE_TIMEOUT_MS);
            LOG.fine(() -> peer + ": connection opened");
            LineReader lines = new LineReader(in, MAX_LINE_BYTES);
            try {
                byte[] line;
                do {
                    line = lines.readLine();
                } while (line != null && serve(line, lines, in, out)); // FT-8: command after command
            } catch (LineTooLongException e) {
                LOG.fine(() -> peer + ": a line over " + MAX_LINE_BYTES + " bytes: ERR, then close");
                Lines.write(out, "ERR line-too-long");
            }
            LingeringClose.drain(socket, in);
            LOG.fine(() -> peer + ": connection closed");
        } catch (SocketTimeoutException e) {
            LOG.fine(() -> peer + ": closed after " + IDLE_TIMEOUT_MS / 1000 + " s of silence");
        } catch (IOException e) {
            LOG.fine(() -> peer + ": connection lost: " + e.getMessage()); // FT-9: only this client is affected
        }
    }

    /** Answers one command line; returns false when the connection is to be closed. */
    private boolean serve(byte[] line, LineReader lines, InputStream in, OutputStream out) throws IOException {
        // Invalid UTF-8 becomes U+FFFD, which no command and no valid name contains.
        String command = new String(line, StandardCharsets.UTF_8);
        if (command.startsWith("PUT ")) {
            return put(command.substring(4), lines, in, out);
        } else if (command.startsWith("GET ")) {
            get(command.substring(4), out);
        } else if (command.equals("LIST")) {
            list(out);
        } else {
            LOG.fine(() -> peer + ": unknown command");
            Lines.write(out, "ERR unknown-command"); // FT-8
        }
        return true;
    }

    /** FT-1: {@code <name> <size>}, the content, then its digest line; returns false to close. */
    private boolean put(String arguments, LineReader lines, InputStream in, OutputStream out)
            throws IOException {
        String[] nameAndSize = arguments.split(" ", 2);
        String name = nameAndSize[0];
        String size = nameAndSize.length == 2 ? nameAndSize[1] : "";
        String refusal = store.refusal(name, size);
        if (refusal != null) {
            // FT-6, FT-7: answered before any content. The content may already be on its way;
            // rather than read and discard a size we refused (terabytes, perhaps), close: the
            // client opens a new connection.
            LOG.fine(() -> peer + ": PUT " + name + " " + size + " refused: " + refusal + ", then close");
            Lines.write(out, "ERR " + refusal);
            return false;
        }
        try (StagedFile upload = store.receive(in, Long.parseLong(size))) {
            byte[] digest = lines.readLine();
            if (digest == null) {
                throw new EOFException("the client left before its digest line");
            }
            // FT-5: hex digits compare case-insensitively. Closing the upload deletes it.
            if (!upload.sha256().equalsIgnoreCase(new String(digest, StandardCharsets.UTF_8))) {
                LOG.fine(() -> peer + ": PUT " + name + ": the content's digest does not match: nothing stored");
                Lines.write(out, "ERR digest-mismatch");
                return true;
            }
            store.store(upload, name); // FT-4
            LOG.fine(() -> peer + ": PUT " + name + ": " + size + " bytes stored");
            Lines.write(out, "OK " + upload.sha256());
            return true;
        }
    }

    /** FT-2: {@code OK <size> <sha256>}, then exactly the file's bytes. */
    private void get(String name, OutputStream out) throws IOException {
        if (!FileStore.isValidName(name)) {
            LOG.fine(() -> peer + ": GET of an invalid name");
            Lines.write(out, "ERR bad-name"); // FT-6
            return;
        }
        FileChannel file;
        try {
            file = store.open(name);
        } catch (NoSuchFileException e) {
            LOG.fine(() -> peer + ": GET " + name + ": no such file");
            Lines.write(out, "ERR not-found");
            return;
        }
        // One open file for the digest and the bytes, so that both describe the same content.
        try (file) {
            long size = file.size();
            LOG.fine(() -> peer + ": GET " + name + ": " + size + " bytes");
            Lines.write(out, "OK " + size + " " + Content.sha256(file));
            Content.copy(Channels.newInputStream(file), out, size);
            out.flush();
        }
    }

    /** FT-3: {@code OK <count>}, then one line per file. */
    private void list(OutputStream out) throws IOException {
        List<String> files = store.list();
        LOG.fine(() -> peer + ": LIST: " + files.size() + " files");
        Lines.write(out, "OK " + files.size());
        for (String file : files) {
            Lines.write(out, file);
        }
    }
}
