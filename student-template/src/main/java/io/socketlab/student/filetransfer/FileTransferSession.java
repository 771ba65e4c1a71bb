package io.socketlab.student.filetransfer;

import java.net.Socket;
import java.util.logging.Logger;

/** One connection to the file server: any number of commands, one after another (FT-8). */
final class FileTransferSession implements Runnable {

    private static final Logger LOG = Logger.getLogger(FileTransferSession.class.getName());

    private static final int MAX_LINE_BYTES = 8192;
    private static final int IDLE_TIMEOUT_MS = 60_000;

    private final Socket socket;
    private final FileStore store;

    FileTransferSession(Socket socket, FileStore store) {
        this.socket = socket;
        this.store = store;
    }

    @Override
    public void run() {
        // TODO: narrate the protocol in the log (docs/logging.md): LOG.fine(...) when the connection
        //   opens and closes and at each decision (a refusal, an error answer), LOG.finer(...) per message.
        // TODO: open the socket's streams in try-with-resources (`try (socket; ...)` closes the
        //   socket too), buffered with Content.BUFFER_BYTES, and setSoTimeout(IDLE_TIMEOUT_MS).
        //   Read command lines with ONE LineReader(in, MAX_LINE_BYTES) over the buffered input,
        //   and read content from that same buffered input: a second buffer would steal bytes.
        // TODO(FT-8): answer commands until the client closes: "PUT <name> <size>", "GET <name>",
        //   "LIST"; anything else gets "ERR unknown-command". On LineTooLongException answer
        //   "ERR line-too-long" and close.
        // TODO(FT-6, FT-7): PUT: if store.refusal(name, size) is not null, answer "ERR <code>" at
        //   once and close the connection: the content may already be on its way, and reading it
        //   just to throw it away could take terabytes. Before closing, LingeringClose.drain(socket,
        //   in): closing with unread input sends a TCP reset, which can destroy your ERR line.
        // TODO(FT-1, FT-4, FT-5): PUT: try (StagedFile upload = store.receive(in, size)) { read
        //   the digest line; if it equals upload.sha256() (ignoring case), store.store(upload,
        //   name) and answer "OK <sha256>", else answer "ERR digest-mismatch" and go on }.
        // TODO(FT-2): GET: "ERR bad-name" for an invalid name; store.open(name) throwing
        //   NoSuchFileException is "ERR not-found"; otherwise "OK <size> <sha256>" (computed
        //   from that one open FileChannel), then exactly its bytes (Content.copy), then flush.
        // TODO(FT-3): LIST: "OK <count>", then each line of store.list().
        // TODO(FT-9): catch IOException (a reset, a timeout, a client gone mid-upload) and log it
        //   (LOG.fine): it ends this connection only.
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }
}
