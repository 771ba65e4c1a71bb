package io.socketlab.grader.suites.udptransfer;

import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/** The udp-transfer datagrams (PROTOCOLS.md "udp-transfer"): encoding, strict decoding, and a readable rendering. */
public final class Datagrams {

    static final int START = 0x01;
    static final int DATA = 0x02;
    static final int END = 0x03;
    static final int START_ACK = 0x11;
    static final int ACK = 0x12;
    public static final int DONE = 0x13;
    static final int ERROR = 0x1F;

    static final int CHUNK = 1024;
    static final long MAX_SIZE = 64L << 20;
    static final int DIGEST = 32;
    /** The largest datagram that fits one Ethernet frame over IPv4 (1500 - 20 - 8). */
    static final int MAX_DATAGRAM = 1472;

    static final int BAD_NAME = 1;
    static final int TOO_LARGE = 2;

    private Datagrams() {
    }

    /** One decoded datagram; fields that its type does not carry are 0 or empty. */
    public record Message(int type, int tid, long seq, long size, byte[] name, byte[] payload, int status) {

        String nameText() {
            return new String(name, StandardCharsets.UTF_8);
        }
    }

    static byte[] start(int tid, long size, byte[] name) {
        return ByteBuffer.allocate(14 + name.length).put((byte) START).putInt(tid).putLong(size)
                .put((byte) name.length).put(name).array();
    }

    public static byte[] start(int tid, long size, String name) {
        return start(tid, size, name.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] data(int tid, long seq, byte[] payload) {
        return ByteBuffer.allocate(9 + payload.length).put((byte) DATA).putInt(tid).putInt((int) seq)
                .put(payload).array();
    }

    public static byte[] end(int tid, byte[] sha256) {
        return ByteBuffer.allocate(5 + DIGEST).put((byte) END).putInt(tid).put(sha256).array();
    }

    static byte[] startAck(int tid) {
        return ByteBuffer.allocate(5).put((byte) START_ACK).putInt(tid).array();
    }

    static byte[] ack(int tid, long seq) {
        return ByteBuffer.allocate(9).put((byte) ACK).putInt(tid).putInt((int) seq).array();
    }

    static byte[] done(int tid, int status) {
        return ByteBuffer.allocate(6).put((byte) DONE).putInt(tid).put((byte) status).array();
    }

    static byte[] error(int tid, int code) {
        return ByteBuffer.allocate(6).put((byte) ERROR).putInt(tid).put((byte) code).array();
    }

    /** How many chunks a file of {@code size} bytes has. */
    static long chunks(long size) {
        return (size + CHUNK - 1) / CHUNK;
    }

    public static byte[] chunk(byte[] content, long seq) {
        int from = (int) (seq * CHUNK);
        return Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK));
    }

    /**
     * Decodes a datagram of a known type with exactly the length its type has (START and DATA: at least their
     * header, START's name exactly nameLen bytes); empty for anything else.
     */
    static Optional<Message> decode(byte[] d) {
        if (d.length < 5) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(d);
        int type = b.get() & 0xFF;
        int tid = b.getInt();
        byte[] none = new byte[0];
        return switch (type) {
            case START -> {
                if (d.length < 14 || d.length != 14 + (d[13] & 0xFF)) {
                    yield Optional.empty();
                }
                long size = b.getLong();
                yield Optional.of(new Message(type, tid, 0, size, Arrays.copyOfRange(d, 14, d.length), none, 0));
            }
            case DATA -> d.length < 9 ? Optional.empty() : Optional.of(new Message(type, tid,
                    Integer.toUnsignedLong(b.getInt()), 0, none, Arrays.copyOfRange(d, 9, d.length), 0));
            case END -> d.length != 5 + DIGEST ? Optional.empty()
                    : Optional.of(new Message(type, tid, 0, 0, none, Arrays.copyOfRange(d, 5, d.length), 0));
            case START_ACK -> d.length != 5 ? Optional.empty()
                    : Optional.of(new Message(type, tid, 0, 0, none, none, 0));
            case ACK -> d.length != 9 ? Optional.empty()
                    : Optional.of(new Message(type, tid, Integer.toUnsignedLong(b.getInt()), 0, none, none, 0));
            case DONE, ERROR -> d.length != 6 ? Optional.empty()
                    : Optional.of(new Message(type, tid, 0, 0, none, none, b.get() & 0xFF));
            default -> Optional.empty();
        };
    }

    /**
     * A datagram as a person reads it: {@code DATA tid=7 seq=3 (1024 bytes)} (the spec's notation, the same in both
     * languages), or its length and first bytes.
     */
    static Text describe(byte[] d) {
        Optional<Message> decoded = decode(d);
        if (decoded.isEmpty()) {
            String head = d.length == 0 ? "" : " [" + HexFormat.ofDelimiter(" ").formatHex(d, 0, Math.min(d.length, 16))
                    + (d.length > 16 ? " ..." : "") + "]";
            return Text.format("a %d-byte datagram that is no valid message%s",
                    "un datagrama de %d bytes que no es ningún mensaje válido%s", d.length, head);
        }
        Message m = decoded.get();
        String tid = "tid=" + Integer.toUnsignedString(m.tid());
        return Text.same(switch (m.type()) {
            case START -> "START " + tid + " size=" + Long.toUnsignedString(m.size()) + " name=" + Bytes.quote(m.nameText());
            case DATA -> "DATA " + tid + " seq=" + m.seq() + " (" + m.payload().length + " bytes)";
            case END -> "END " + tid + " sha256=" + HexFormat.of().formatHex(m.payload());
            case START_ACK -> "START-ACK " + tid;
            case ACK -> "ACK " + tid + " seq=" + m.seq();
            case DONE -> "DONE " + tid + " status=" + m.status();
            default -> "ERROR " + tid + " code=" + m.status();
        });
    }

    public static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256(content));
    }
}
