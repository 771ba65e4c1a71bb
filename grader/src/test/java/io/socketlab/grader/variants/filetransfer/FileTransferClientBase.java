package io.socketlab.grader.variants.filetransfer;

import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Correct file-transfer client (put, get, list); each broken variant overrides exactly one hook below. */
abstract class FileTransferClientBase {

    private static final String USAGE = "usage: --host H --port N put FILE [NAME] | get NAME OUT | list";
    private static final Pattern GET_OK = Pattern.compile("OK ([0-9]{1,18}) ([0-9a-f]{64})");
    private static final Pattern LIST_OK = Pattern.compile("OK ([0-9]{1,9})");

    InputStream in;
    OutputStream out;

    final void run(String[] argv) {
        Args args = VariantSupport.parse(argv, Set.of("--host", "--port"), Set.of());
        String host = args.get("--host", "127.0.0.1");
        int port = args.port();
        List<String> words = args.positional();
        String command = words.isEmpty() ? "" : words.get(0);
        boolean fits = switch (command) {
            case "put" -> words.size() == 2 || words.size() == 3;
            case "get" -> words.size() == 3;
            case "list" -> words.size() == 1;
            default -> false;
        };
        if (!fits) {
            VariantSupport.die(2, "usage error: " + USAGE);
        }
        if (command.equals("get")) {
            Path target = Path.of(words.get(2)).toAbsolutePath();
            if (!Files.isDirectory(target.getParent()) || Files.isDirectory(target)) {
                VariantSupport.die(2, "usage error: cannot write " + target);
            }
        }
        if (command.equals("put") && !Files.isRegularFile(Path.of(words.get(1)))) {
            VariantSupport.die(2, "usage error: no such file " + words.get(1));
        }
        if (command.equals("get")) {
            Path out = Path.of(words.get(2)).toAbsolutePath();
            if (!Files.isDirectory(out.getParent()) || Files.isDirectory(out)) {
                VariantSupport.die(2, "usage error: cannot write " + words.get(2));
            }
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 10_000);
        } catch (ConnectException e) {
            VariantSupport.die(2, "connection refused by " + host + ":" + port);
        } catch (IOException e) {
            VariantSupport.die(2, "cannot connect to " + host + ":" + port + ": " + e.getMessage());
        }
        try {
            socket.setSoTimeout(answerTimeoutMillis());
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            switch (command) {
                case "put" -> put(Path.of(words.get(1)),
                        words.size() == 3 ? words.get(2) : Path.of(words.get(1)).getFileName().toString());
                case "get" -> get(words.get(1), Path.of(words.get(2)));
                default -> list();
            }
            socket.close();
        } catch (SocketTimeoutException e) {
            VariantSupport.die(2, "no answer from the server within 10 s");
        } catch (IOException e) {
            VariantSupport.die(2, "connection lost: " + e.getMessage());
        }
        System.out.flush();
        System.exit(0);
    }

    private void put(Path file, String name) throws IOException {
        MessageDigest sha = FileTransferServerBase.sha256();
        String sent;
        try (InputStream content = Files.newInputStream(file)) {
            long size = Files.size(file);
            out.write(("PUT " + name + " " + size + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] buf = new byte[1 << 16];
            long left = size;
            while (left > 0) {
                int n = content.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    VariantSupport.die(2, file + " shrank while being sent");
                }
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
                left -= n;
            }
            sent = HexFormat.of().formatHex(sha.digest());
            out.write((sent + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // The server may have refused at once (bad name, too large) and closed: its reply says so.
            String early = readReplyOrNull();
            refuseIfErr(early);
            VariantSupport.die(2, "connection lost during the upload: " + e.getMessage());
            return;
        }
        reportPut(expectReply(), sent);
    }

    /** Hook: what the reply to a PUT prints. Correct: ERR or another digest is exit 1; OK prints our own digest. */
    void reportPut(String reply, String sent) {
        refuseIfErr(reply);
        if (!reply.startsWith("OK ")) {
            VariantSupport.die(2, "unexpected reply: " + reply);
        }
        if (!reply.substring(3).equalsIgnoreCase(sent)) {
            VariantSupport.die(1, "the server stored another content: its digest is " + reply.substring(3));
        }
        VariantSupport.printLine(("OK " + sent).getBytes(StandardCharsets.US_ASCII));
    }

    private void get(String name, Path target) throws IOException {
        out.write(("GET " + name + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String header = expectReply();
        refuseIfErr(header);
        Matcher ok = GET_OK.matcher(header);
        if (!ok.matches()) {
            VariantSupport.die(2, "unexpected reply: " + header);
        }
        long size = Long.parseLong(ok.group(1));
        Staging staging;
        try {
            staging = stage(target);
        } catch (IOException e) {
            VariantSupport.die(2, "cannot write " + target + ": " + e.getMessage());
            return;
        }
        MessageDigest sha = FileTransferServerBase.sha256();
        try {
            download(new DigestOutputStream(staging.out(), sha), size);
        } catch (IOException e) {
            staging.discard();
            VariantSupport.die(1, "transfer cut short: " + e.getMessage());
        }
        String computed = HexFormat.of().formatHex(sha.digest());
        if (!verified(ok.group(2), computed)) {
            staging.discard();
            VariantSupport.die(1, "the data did not verify: SHA-256 " + computed + ", announced " + ok.group(2));
        }
        try {
            staging.commit();
        } catch (IOException e) {
            staging.discard();
            VariantSupport.die(1, "cannot write " + target + ": " + e.getMessage());
        }
        VariantSupport.printLine(("OK " + computed).getBytes(StandardCharsets.US_ASCII));
    }

    private void list() throws IOException {
        out.write("LIST\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String header = expectReply();
        refuseIfErr(header);
        Matcher ok = LIST_OK.matcher(header);
        if (!ok.matches()) {
            VariantSupport.die(2, "unexpected reply: " + header);
        }
        VariantSupport.printLine(header.getBytes(StandardCharsets.UTF_8));
        for (int i = Integer.parseInt(ok.group(1)); i > 0; i--) {
            VariantSupport.printLine(expectReply().getBytes(StandardCharsets.UTF_8));
        }
        afterList();
    }

    /** Hook: how long the client waits for the server. Correct: 10 s, then exit 2 (or 1 mid-download). */
    int answerTimeoutMillis() {
        return 10_000;
    }

    /** Hook: receives a download's content into {@code file}. Correct: exactly {@code size} bytes, counted. */
    void download(OutputStream file, long size) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException("the server closed after " + (size - left) + " of " + size + " bytes");
            }
            file.write(buf, 0, n);
            left -= n;
        }
    }

    /** Hook: what the client does once the list is printed. Correct: nothing more; it closes the connection. */
    void afterList() throws IOException {
    }

    /** Hook: where a download is written until it verifies. Correct: a hidden temporary file, renamed over OUT. */
    Staging stage(Path target) throws IOException {
        return Staging.temporary(target, Staging::delete);
    }

    /** Hook: whether the bytes received match the announced digest. Correct: they must be equal. */
    boolean verified(String announced, String computed) {
        return announced.equals(computed);
    }

    /** One reply line without CR; the server closing first is exit 2. */
    private String expectReply() throws IOException {
        byte[] line = VariantSupport.readLine(in, 1 << 20, false);
        if (line == null) {
            VariantSupport.die(2, "the server closed the connection before answering");
        }
        return new String(VariantSupport.stripCr(line), StandardCharsets.UTF_8);
    }

    /** A reply that may already have arrived, or null (used after a failed upload). */
    private String readReplyOrNull() {
        try {
            byte[] line = VariantSupport.readLine(in, 1 << 20, false);
            return line == null ? null : new String(VariantSupport.stripCr(line), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static void refuseIfErr(String reply) {
        if (reply != null && reply.startsWith("ERR")) {
            VariantSupport.die(1, "the server refused: " + reply);
        }
    }
}
