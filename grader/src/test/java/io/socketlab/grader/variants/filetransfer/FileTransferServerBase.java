package io.socketlab.grader.variants.filetransfer;

import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import io.socketlab.grader.variants.VariantSupport.LineTooLongException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Correct file-transfer server (thread per connection, uploads staged in hidden temporary files);
 * each broken variant overrides exactly one of the package-private hooks below.
 */
abstract class FileTransferServerBase {

    static final int MAX_LINE_BYTES = 8192;
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}");

    /** An error reply; {@code close} when the connection cannot go on (announced bytes are pending). */
    static final class Refusal extends IOException {
        private static final long serialVersionUID = 1L;
        final String code;
        final boolean close;

        Refusal(String code, boolean close) {
            super(code);
            this.code = code;
            this.close = close;
        }
    }

    Path dir;
    long maxSize;

    final void run(String[] argv) throws IOException {
        Args args = VariantSupport.parse(argv, Set.of("--port", "--host", "--dir", "--max-size"), Set.of());
        if (!args.positional().isEmpty()) {
            VariantSupport.die(2, "usage error: unexpected argument " + args.positional().get(0));
        }
        int port = args.port();
        String folder = args.get("--dir", null);
        if (folder == null) {
            VariantSupport.die(2, "usage error: --dir DIR is required");
        }
        dir = Path.of(folder).toAbsolutePath();
        maxSize = args.longOption("--max-size", 1L << 30, 0, Long.MAX_VALUE);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            VariantSupport.die(2, "cannot use " + dir + " as --dir: " + e);
        }
        VariantSupport.exitZeroOnSigterm();
        try (ServerSocket server = VariantSupport.listen(args.get("--host", null), port)) {
            while (true) {
                handle(server.accept());
            }
        }
    }

    /** Hook: how a connection is served. Correct: a thread of its own, so that no client waits for another. */
    void handle(Socket socket) {
        new Thread(() -> serve(socket), "file-connection").start();
    }

    /** Serves one client's commands; I/O errors (resets, disconnects mid-upload) end only this connection. */
    final void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            while (true) {
                try {
                    String line = readCommand(in);
                    if (line == null) {
                        return;
                    }
                    String[] words = line.split(" ", 2);
                    String rest = words.length > 1 ? words[1] : "";
                    switch (words[0]) {
                        case "PUT" -> put(rest, in, out);
                        case "GET" -> get(rest, out);
                        case "LIST" -> list(rest, out);
                        default -> reply(out, "ERR unknown-command");
                    }
                } catch (Refusal r) {
                    reply(out, "ERR " + r.code);
                    if (r.close) {
                        VariantSupport.closeGracefully(socket);
                        return;
                    }
                } catch (LineTooLongException e) {
                    reply(out, "ERR line-too-long");
                    VariantSupport.closeGracefully(socket);
                    return;
                }
            }
        } catch (IOException e) {
            System.err.println("connection ended: " + e);
        }
    }

    private void put(String arguments, InputStream in, OutputStream out) throws IOException {
        String[] words = arguments.split(" ", 2);
        Path target = resolve(words[0]);
        if (target == null) {
            throw new Refusal("bad-name", true);
        }
        long size = size(words.length > 1 ? words[1] : "");
        if (size > maxSize) {
            throw new Refusal("too-large", true);
        }
        Staging staging = stage(target);
        boolean committed = false;
        try {
            MessageDigest sha = sha256();
            OutputStream file = new DigestOutputStream(staging.out(), sha);
            receive(in, file, size);
            file.flush();
            String sent = readCommand(in);
            if (sent == null) {
                throw new EOFException("the client left before the digest line");
            }
            String computed = HexFormat.of().formatHex(sha.digest());
            if (!digestMatches(sent, computed)) {
                reply(out, "ERR digest-mismatch");
                return;
            }
            staging.commit();
            committed = true;
            reply(out, "OK " + computed);
        } finally {
            if (!committed) {
                staging.discard();
            }
        }
    }

    private void get(String name, OutputStream out) throws IOException {
        Path path = readable(name);
        if (path == null) {
            reply(out, "ERR bad-name");
            return;
        }
        if (!Files.isRegularFile(path)) {
            reply(out, "ERR not-found");
            return;
        }
        // One open file for digest and bytes: a concurrent replacement cannot mix two versions.
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = file.size();
            reply(out, "OK " + size + " " + sha256(file, size));
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long position = 0;
            while (position < size) {
                buf.clear().limit((int) Math.min(buf.capacity(), size - position));
                int n = file.read(buf, position);
                if (n < 0) {
                    throw new IOException(path + " shrank while being sent");
                }
                out.write(buf.array(), 0, n);
                position += n;
            }
            out.flush();
        }
    }

    private void list(String arguments, OutputStream out) throws IOException {
        if (!arguments.isEmpty()) {
            reply(out, "ERR unknown-command");
            return;
        }
        List<String> lines = new ArrayList<>();
        for (String name : listed()) {
            try (FileChannel file = FileChannel.open(dir.resolve(name), StandardOpenOption.READ)) {
                lines.add(name + " " + file.size() + " " + sha256(file, file.size()));
            } catch (NoSuchFileException e) {
                // gone meanwhile
            }
        }
        out.write(("OK " + lines.size() + "\n").getBytes(StandardCharsets.US_ASCII));
        for (String line : lines) {
            out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    /** Hook: the names LIST shows, in order. Correct: valid names of regular files, in byte order. */
    List<String> listed() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (NAME.matcher(name).matches() && Files.isRegularFile(entry)) {
                    names.add(name);
                }
            }
        }
        names.sort(null); // ASCII names: String order is byte order
        return names;
    }

    /** Hook: the size of a PUT line. Correct: ASCII digits only (bad-size otherwise), any number of them. */
    long size(String text) throws Refusal {
        if (!text.matches("[0-9]+")) {
            throw new Refusal("bad-size", true);
        }
        return text.replaceFirst("^0+(?=.)", "").length() > 18 ? Long.MAX_VALUE : Long.parseLong(text);
    }

    /** Hook: the file a GET names, or null for a bad name. Correct: the same check as for PUT. */
    Path readable(String name) {
        return resolve(name);
    }

    /** Hook: the longest line accepted, in bytes without LF and CR. Correct: 8192. */
    int maxLineBytes() {
        return MAX_LINE_BYTES;
    }

    /** Hook: the file a name stands for, or null for a bad name. Correct: only 1..255 of [A-Za-z0-9._-], no leading dot. */
    Path resolve(String name) {
        return NAME.matcher(name).matches() ? dir.resolve(name) : null;
    }

    /** Hook: copies an upload's content to its staging file. Correct: exactly {@code size} bytes, streamed. */
    void receive(InputStream in, OutputStream file, long size) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new EOFException("the client left mid-upload");
            }
            file.write(buf, 0, n);
            left -= n;
        }
    }

    /** Hook: whether the digest line matches the content. Correct: its SHA-256 in hex, upper or lower case. */
    boolean digestMatches(String sent, String computed) {
        return sent.equalsIgnoreCase(computed);
    }

    /** Hook: where an upload is written until it verifies. Correct: a hidden temporary file, renamed into place. */
    Staging stage(Path target) throws IOException {
        return Staging.temporary(target, this::removeTemporary);
    }

    /** Hook: what happens to a failed upload's temporary file. Correct: it is deleted. */
    void removeTemporary(Path temp) {
        Staging.delete(temp);
    }

    /** Hook: one command line (or the digest line), without its CR; null at end of stream. Correct: up to LF. */
    String readCommand(InputStream in) throws IOException {
        byte[] raw = VariantSupport.readLine(in, maxLineBytes() + 1L, false);
        if (raw == null) {
            return null;
        }
        byte[] line = VariantSupport.stripCr(raw);
        if (line.length > maxLineBytes()) {
            throw new LineTooLongException();
        }
        return new String(line, StandardCharsets.UTF_8);
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String sha256(FileChannel file, long size) throws IOException {
        MessageDigest sha = sha256();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long position = 0;
        while (position < size) {
            buf.clear().limit((int) Math.min(buf.capacity(), size - position));
            int n = file.read(buf, position);
            if (n < 0) {
                break;
            }
            sha.update(buf.array(), 0, n);
            position += n;
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
