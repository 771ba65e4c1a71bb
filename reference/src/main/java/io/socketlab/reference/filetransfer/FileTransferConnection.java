package io.socketlab.reference.filetransfer;

import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.LineReader;
import io.socketlab.reference.common.Lines;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.logging.Logger;

/** The file client's side of one connection: sends a command, checks the answer and prints the outcome. */
final class FileTransferConnection {

    // The server's lines are short; this bounds what a misbehaving one can make the client buffer.
    private static final int MAX_LINE_BYTES = 8192;
    private static final Logger LOG = Logger.getLogger(FileTransferConnection.class.getName());

    private final InputStream in;
    private final OutputStream out;
    private final LineReader answers;

    FileTransferConnection(Socket socket) throws IOException {
        in = new BufferedInputStream(socket.getInputStream(), Content.BUFFER_BYTES);
        out = new BufferedOutputStream(socket.getOutputStream(), Content.BUFFER_BYTES);
        answers = new LineReader(in, MAX_LINE_BYTES);
    }

    /** FT-10: sends the file and then its digest, both computed in one pass over the file. */
    void put(Path file, String name) throws IOException, Failure {
        long size = Files.size(file);
        MessageDigest digest = Content.sha256();
        LOG.fine(() -> "PUT " + name + " " + size);
        Lines.write(out, "PUT " + name + " " + size);
        String sha256;
        try (InputStream content = new DigestInputStream(Files.newInputStream(file), digest)) {
            Content.copy(content, out, size);
            sha256 = Content.hex(digest);
            Lines.write(out, sha256);
        } catch (IOException cutShort) {
            // FT-7: a server that refuses the PUT line answers at once and may close before the
            // content is through. If its answer has arrived, it says why.
            answer();
            throw cutShort;
        }
        String answer = answer();
        if (!answer.equalsIgnoreCase("OK " + sha256)) {
            throw Failure.refused("the server's digest does not match the file's: " + answer);
        }
        Lines.write(System.out, "OK " + sha256);
    }

    /** FT-11: receives into a hidden file next to OUT, which becomes OUT only once it verifies. */
    void get(String name, Path target) throws IOException, Failure {
        LOG.fine(() -> "GET " + name);
        Lines.write(out, "GET " + name);
        String answer = answer();
        String[] header = answer.split(" ");
        if (header.length != 3 || !header[0].equals("OK") || !header[1].matches("[0-9]{1,18}")) {
            throw Failure.incomplete("unexpected answer to GET: " + answer);
        }
        try (StagedFile download = StagedFile.receive(target.getParent(), in, Long.parseLong(header[1]))) {
            if (!download.sha256().equalsIgnoreCase(header[2])) {
                throw Failure.refused("the content's digest is " + download.sha256() + ", not " + header[2]);
            }
            LOG.fine(() -> "the content verifies: it becomes " + target);
            download.commit(target);
            Lines.write(System.out, "OK " + download.sha256());
        } catch (EOFException e) {
            throw Failure.refused("the transfer was cut short: " + e.getMessage());
        }
    }

    /** FT-12: prints {@code OK <count>} and every line that follows, as received. */
    void list() throws IOException, Failure {
        LOG.fine("LIST");
        Lines.write(out, "LIST");
        String answer = answer();
        if (!answer.matches("OK [0-9]{1,9}")) {
            throw Failure.incomplete("unexpected answer to LIST: " + answer);
        }
        Lines.write(System.out, answer);
        for (int left = Integer.parseInt(answer.substring(3)); left > 0; left--) {
            Lines.write(System.out, nextLine()); // a file may well be named ERR: no check here
        }
    }

    /** The server's next line; an {@code ERR} line ends the run with exit code 1. */
    private String answer() throws IOException, Failure {
        String answer = new String(nextLine(), StandardCharsets.UTF_8);
        if (answer.equals("ERR") || answer.startsWith("ERR ")) {
            throw Failure.refused("the server refused: " + answer);
        }
        return answer;
    }

    private byte[] nextLine() throws IOException, Failure {
        byte[] line = answers.readLine();
        if (line == null) {
            throw Failure.incomplete("the server closed the connection before the exchange was over");
        }
        return line;
    }
}
