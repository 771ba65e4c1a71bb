package io.socketlab.grader.suites.filetransfer;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The file-transfer protocol from the grader's side: PUT, GET and digests, for small contents and streamed large ones. */
final class Transfers {

    static final Pattern GET_OK = Pattern.compile("OK (\\d+) ([0-9a-fA-F]{64})");
    private static final int CHUNK = 64 * 1024;

    private Transfers() {
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Sends a whole PUT: the command line, the bytes, and {@code digestLine} (normally the content's SHA-256). */
    static void sendPut(TcpProbe probe, String name, byte[] content, String digestLine) throws IOException {
        probe.send("PUT " + name + " " + content.length + "\n");
        probe.send(content);
        probe.send(digestLine + "\n");
    }

    /** PUTs {@code content} and expects {@code OK <its sha256>}. */
    static void put(TcpProbe probe, String name, byte[] content) throws IOException {
        sendPut(probe, name, content, sha256(content));
        expectOkDigest(probe, Text.of("reply to PUT " + name + " (" + content.length + " bytes)",
                "respuesta a PUT " + name + " (" + content.length + " bytes)"), sha256(content));
    }

    static void expectOkDigest(TcpProbe probe, Text step, String sha256) throws IOException {
        String line = probe.readLine(step, probe.replyTimeout().multipliedBy(2));
        if (!sameWithDigest(line, "OK " + sha256)) {
            throw ConformanceFailure.wrongOutput(step, Bytes.quote("OK " + sha256), Bytes.quote(line));
        }
    }

    /**
     * Whether {@code line} is {@code expected}, where expected ends with a SHA-256 in hex: the digest may be in
     * either case (the spec allows both), everything else must match exactly.
     */
    static boolean sameWithDigest(String line, String expected) {
        int digestAt = expected.length() - 64;
        return line.length() == expected.length()
                && line.regionMatches(0, expected, 0, digestAt)
                && line.regionMatches(true, digestAt, expected, digestAt, 64);
    }

    /** GETs {@code name} and expects exactly {@code content}. */
    static void expectGet(TcpProbe probe, String name, byte[] content) throws IOException {
        Text step = Text.of("reply to GET " + name, "respuesta a GET " + name);
        probe.sendLine("GET " + name);
        String header = probe.readLine(step);
        String expected = "OK " + content.length + " " + sha256(content);
        if (!sameWithDigest(header, expected)) {
            throw ConformanceFailure.wrongOutput(step, Bytes.quote(expected), Bytes.quote(header));
        }
        byte[] body = probe.readExactly(step, content.length, probe.replyTimeout().multipliedBy(2));
        if (!java.util.Arrays.equals(content, body)) {
            throw ConformanceFailure.integrity(step, "the " + content.length + " bytes uploaded",
                    Bytes.describeDifference(content, body));
        }
    }

    /** Streams a pseudo-random upload of {@code size} bytes from {@code seed}, never holding it; returns its digest. */
    static String streamPut(TcpProbe probe, String name, long size, long seed) throws IOException {
        OutputStream out = probe.socket().getOutputStream();
        out.write(Bytes.utf8("PUT " + name + " " + size + "\n"));
        MessageDigest digest = digest();
        Random random = new Random(seed);
        byte[] chunk = new byte[CHUNK];
        for (long sent = 0; sent < size; sent += CHUNK) {
            random.nextBytes(chunk);
            int n = (int) Math.min(CHUNK, size - sent);
            digest.update(chunk, 0, n);
            out.write(chunk, 0, n);
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        out.write(Bytes.utf8(sha + "\n"));
        out.flush();
        return sha;
    }

    /** GETs a large file, streaming it through a digest; fails unless size and digest match. */
    static void expectStreamedGet(TcpProbe probe, String name, long size, String sha, Duration within) throws IOException {
        Text step = Text.of("reply to GET " + name + " (" + size + " bytes)", "respuesta a GET " + name + " (" + size + " bytes)");
        probe.sendLine("GET " + name);
        String header = probe.readLine(step, within);
        Matcher matcher = GET_OK.matcher(header);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) != size || !matcher.group(2).equalsIgnoreCase(sha)) {
            throw ConformanceFailure.wrongOutput(step, Bytes.quote("OK " + size + " " + sha), Bytes.quote(header));
        }
        MessageDigest digest = digest();
        long received = 0;
        probe.socket().setSoTimeout((int) within.toMillis());
        InputStream in = probe.bufferedRest();
        byte[] buffer = new byte[CHUNK];
        try {
            while (received < size) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - received));
                if (n < 0) {
                    throw ConformanceFailure.closed(step, size + " bytes", received + " bytes");
                }
                digest.update(buffer, 0, n);
                received += n;
            }
        } catch (SocketTimeoutException e) {
            throw ConformanceFailure.timeout(step, size + " bytes (got " + received + ")", within);
        }
        String got = HexFormat.of().formatHex(digest.digest());
        if (!got.equals(sha.toLowerCase(Locale.ROOT))) {
            throw ConformanceFailure.integrity(step, "content with SHA-256 " + sha, Text.same("SHA-256 " + got));
        }
    }

    /** The names of every entry of a folder, sorted. */
    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
