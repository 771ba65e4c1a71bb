package io.socketlab.grader.suites.filetransfer;

import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Payload;
import io.socketlab.grader.probe.ReadPace;
import io.socketlab.grader.probe.TcpProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/** The file-transfer protocol from the grader's side: PUT and GET of small contents and of streamed large ones. */
public final class Transfers {

    private Transfers() {
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    /** The SHA-256 of a payload, generated once more and never held whole. */
    static String sha256(Payload payload) throws IOException {
        MessageDigest digest = digest();
        byte[] block = new byte[64 * 1024];
        try (InputStream in = payload.open()) {
            for (int n = in.read(block); n > 0; n = in.read(block)) {
                digest.update(block, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    /** "the server's reply to PUT a.bin (1025 bytes)". */
    static Text replyToPut(String name, long size) {
        return Text.format("the server's reply to PUT %s (%d bytes)", "la respuesta del servidor a PUT %s (%d bytes)",
                name.length() > 40 ? name.substring(0, 40) + "..." : name, size);
    }

    /** Sends a whole PUT: the command line, the bytes, and {@code digestLine} (normally the content's SHA-256). */
    static TcpProbe sendPut(TcpProbe probe, String name, byte[] content, String digestLine) throws IOException {
        return probe.sendLine("PUT " + name + " " + content.length).send(content).sendLine(digestLine);
    }

    /** PUTs {@code content} and expects {@code OK <its sha256>}. */
    public static TcpProbe put(TcpProbe probe, String name, byte[] content) throws IOException {
        String sha = sha256(content);
        return sendPut(probe, name, content, sha)
                .expectLine(replyToPut(name, content.length), "OK " + sha, probe.replyTimeout().multipliedBy(2));
    }

    /** GETs {@code name} and expects {@code OK <size> <sha256>}, then exactly {@code content}. */
    public static TcpProbe expectGet(TcpProbe probe, String name, byte[] content) throws IOException {
        return expectGetReply(probe.sendLine("GET " + name), name, content);
    }

    /** Expects the reply to a {@code GET name} already sent: {@code OK <size> <sha256>}, then exactly {@code content}. */
    static TcpProbe expectGetReply(TcpProbe probe, String name, byte[] content) throws IOException {
        Text step = Text.format("the server's reply to GET %s", "la respuesta del servidor a GET %s", name);
        Duration within = probe.replyTimeout().multipliedBy(2);
        return probe.expectLine(step, "OK " + content.length + " " + sha256(content), within).expectBytes(step, content, within);
    }

    /** PUTs a payload too large to hold, streamed; expects its digest back within {@code within}. */
    static TcpProbe streamPut(TcpProbe probe, String name, Payload content, String sha, Duration within) throws IOException {
        probe.sendLine("PUT " + name + " " + content.size()).sendInBackground(content).expectFinished(within);
        return probe.sendLine(sha).expectLine(replyToPut(name, content.size()), "OK " + sha, within);
    }

    /** GETs a payload too large to hold and checks it as it arrives. */
    static TcpProbe expectStreamedGet(TcpProbe probe, String name, Payload content, String sha, Duration within)
            throws IOException {
        Text step = Text.format("the server's reply to GET %s", "la respuesta del servidor a GET %s", name);
        return probe.sendLine("GET " + name).expectLine(step, "OK " + content.size() + " " + sha, within)
                .expectStream(step, content, ReadPace.FAST, within);
    }
}
