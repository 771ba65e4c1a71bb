package io.socketlab.student.filetransfer;

import io.socketlab.student.common.Failure;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.logging.Logger;

/** The file client's side of one connection: sends a command, checks the answer and prints the outcome. */
final class FileTransferConnection {

    private static final Logger LOG = Logger.getLogger(FileTransferConnection.class.getName());

    // The server's lines are short; this bounds what a misbehaving one can make the client buffer.
    private static final int MAX_LINE_BYTES = 8192;

    private final Socket socket;

    FileTransferConnection(Socket socket) {
        this.socket = socket;
    }

    /**
     * FT-10: sends the file and then its digest, both computed in one pass over the file.
     *
     * @throws Failure {@code Failure.refused} (exit 1) for an ERR answer, or an OK whose digest
     *     is not the file's
     */
    void put(Path file, String name) throws IOException, Failure {
        // TODO(FT-10): send "PUT <name> <size>" (size = Files.size(file)), then stream the file
        //   through a DigestInputStream (Content.sha256()) with Content.copy, then its digest
        //   line (Content.hex). Never read the whole file into memory.
        // TODO(FT-10): the answer must be "OK <the same digest>": print it and return. An
        //   "ERR <code>" answer is Failure.refused("the server refused: ERR <code>").
        // TODO(FT-7): a server refusing the PUT line answers at once and may close before the
        //   content is through, so sending can fail: then try to read its ERR answer anyway.
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }

    /**
     * FT-11: receives into a hidden file next to OUT, which becomes OUT only once it verifies.
     *
     * @throws Failure {@code Failure.refused} (exit 1) for an ERR answer, a digest that does
     *     not match, or a transfer cut short; OUT is then neither created nor changed
     */
    void get(String name, Path target) throws IOException, Failure {
        // TODO(FT-11): send "GET <name>"; expect "OK <size> <sha256>" (ERR: Failure.refused).
        // TODO(FT-11): StagedFile.receive(target.getParent(), in, size) in try-with-resources;
        //   commit(target) only if its sha256() matches (ignoring case), then print
        //   "OK <sha256>". An EOFException (the server closed early) is Failure.refused(...).
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }

    /** FT-12: prints {@code OK <count>} and every line that follows, as received. */
    void list() throws IOException, Failure {
        // TODO(FT-12): send "LIST"; print the "OK <count>" answer, then read and print exactly
        //   count more lines (a file may be named ERR: do not treat those lines as errors).
        //   Read lines with a LineReader(in, MAX_LINE_BYTES) over the socket's buffered input.
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }
}
