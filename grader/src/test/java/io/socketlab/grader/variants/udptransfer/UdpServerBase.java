package io.socketlab.grader.variants.udptransfer;

import io.socketlab.grader.variants.VariantSupport;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A correct udp-transfer server (single thread, positional writes into a hidden temporary file, digest checked at
 * END, atomic rename), with one overridable method per classic mistake.
 */
public class UdpServerBase {

    static final long MAX_SIZE = 64L << 20;

    /** One transfer, keyed by client address and tid. */
    static final class Transfer {
        final String name;
        final long size;
        final long chunks;
        final BitSet received = new BitSet();
        final Path temp;
        final RandomAccessFile file;
        long appended;
        Integer status;
        /** When a datagram last came for it: idle for 30 s, it is dropped with its temporary file. */
        long lastNanos = System.nanoTime();

        Transfer(String name, long size, long chunks, Path temp) throws IOException {
            this.name = name;
            this.size = size;
            this.chunks = chunks;
            this.temp = temp;
            this.file = new RandomAccessFile(temp.toFile(), "rw");
        }
    }

    record Key(SocketAddress client, int tid) {}

    private final Map<Key, Transfer> transfers = new HashMap<>();
    Path dir;
    DatagramSocket socket;

    void run(String[] argv) throws IOException {
        VariantSupport.Args args = VariantSupport.parse(argv, Set.of("--port", "--dir", "--host"), Set.of());
        dir = Path.of(args.get("--dir", "."));
        if (!Files.isDirectory(dir)) {
            VariantSupport.die(2, "cannot store files in " + dir + ": not a folder");
        }
        try {
            socket = new DatagramSocket(new InetSocketAddress(args.port()));
        } catch (IOException e) {
            VariantSupport.die(2, "cannot bind port " + args.port() + ": " + e.getMessage());
        }
        VariantSupport.exitZeroOnSigterm();
        socket.setSoTimeout(1000); // wakes up to drop idle transfers
        byte[] buffer = new byte[65_535];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                dropIdle();
                continue;
            }
            byte[] d = Arrays.copyOf(packet.getData(), packet.getLength());
            if (wellFormed(d)) {
                handle(ByteBuffer.wrap(d), d.length, packet.getSocketAddress());
            }
            dropIdle();
        }
    }

    /** Drops the transfers idle for 30 s; an unfinished one's temporary file goes with it. */
    private void dropIdle() throws IOException {
        long now = System.nanoTime();
        for (Iterator<Transfer> it = transfers.values().iterator(); it.hasNext(); ) {
            Transfer t = it.next();
            if (now - t.lastNanos >= 30_000_000_000L) {
                it.remove();
                if (t.status == null) {
                    t.file.close();
                    Files.deleteIfExists(t.temp);
                }
            }
        }
    }

    /** Whether a datagram has the whole of its type's fields. */
    boolean wellFormed(byte[] d) {
        if (d.length < 5) {
            return false;
        }
        return switch (d[0]) {
            case 1 -> d.length >= 14 && d.length == 14 + (d[13] & 0xFF);
            case 2 -> d.length >= 9;
            case 3 -> d.length == 37;
            default -> false;
        };
    }

    /** The key of a transfer. */
    Key key(SocketAddress client, int tid) {
        return new Key(client, tid);
    }

    private void handle(ByteBuffer b, int length, SocketAddress client) throws IOException {
        byte type = b.get();
        int tid = b.getInt();
        Key key = key(client, tid);
        Transfer t = transfers.get(key);
        if (t != null) {
            t.lastNanos = System.nanoTime();
        }
        switch (type) {
            case 1 -> {
                long size = b.getLong();
                byte[] name = new byte[b.get() & 0xFF];
                b.get(name);
                String text = new String(name, java.nio.charset.StandardCharsets.US_ASCII);
                if (!validName(name)) {
                    reply(client, ByteBuffer.allocate(6).put((byte) 0x1F).putInt(tid).put((byte) 1));
                } else if (tooLarge(size)) {
                    reply(client, ByteBuffer.allocate(6).put((byte) 0x1F).putInt(tid).put((byte) 2));
                } else {
                    if (t == null || !repeats(t, text, size)) {
                        beforeNewTransfer(transfers);
                        transfers.put(key, new Transfer(text, size, chunkCount(size), stagingFile(text)));
                    }
                    reply(client, ByteBuffer.allocate(5).put((byte) 0x11).putInt(tid));
                }
            }
            case 2 -> {
                long seq = Integer.toUnsignedLong(b.getInt());
                int payload = length - 9;
                if (t == null || seq >= t.chunks) {
                    return;
                }
                long expected = seq < t.chunks - 1 ? 1024 : t.size - (t.chunks - 1) * 1024;
                if (payload != expected) {
                    return;
                }
                boolean fresh = !t.received.get((int) seq);
                if (t.status == null) {
                    byte[] bytes = new byte[payload];
                    b.get(bytes);
                    write(t, seq, bytes);
                }
                if (fresh || acknowledgesDuplicates()) {
                    reply(client, ByteBuffer.allocate(9).put((byte) 0x12).putInt(tid).putInt((int) seq));
                }
            }
            case 3 -> {
                if (t == null) {
                    return;
                }
                if (t.status != null) {
                    if (repeatsDone()) {
                        reply(client, ByteBuffer.allocate(6).put((byte) 0x13).putInt(tid).put(t.status.byteValue()));
                    }
                    return;
                }
                if (t.received.cardinality() < t.chunks) {
                    if (refusesEarlyEnd()) {
                        t.status = 1;
                        reply(client, ByteBuffer.allocate(6).put((byte) 0x13).putInt(tid).put((byte) 1));
                    }
                    return;
                }
                byte[] digest = new byte[32];
                b.get(digest);
                finish(t, digest);
                reply(client, ByteBuffer.allocate(6).put((byte) 0x13).putInt(tid).put(t.status.byteValue()));
            }
            default -> { }
        }
    }

    /** Writes a new chunk at its place. */
    void write(Transfer t, long seq, byte[] bytes) throws IOException {
        if (!t.received.get((int) seq)) {
            t.file.seek(seq * 1024);
            t.file.write(bytes);
            t.received.set((int) seq);
        }
    }

    /** Checks the digest; stores under the final name or discards. */
    void finish(Transfer t, byte[] digest) throws IOException {
        t.file.setLength(t.size);
        t.file.close();
        boolean matches = Arrays.equals(sha256(t.temp), digest);
        t.status = matches ? 0 : 1;
        if (matches || storesDespiteMismatch()) {
            Files.move(t.temp, dir.resolve(t.name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else if (deletesOnMismatch()) {
            Files.deleteIfExists(t.temp);
        }
    }

    /** Whether a START (same client and tid) for {@code name} and {@code size} repeats transfer {@code t}. */
    boolean repeats(Transfer t, String name, long size) {
        return t.name.equals(name) && t.size == size;
    }

    /** Called before a new transfer is added to {@code transfers}. */
    void beforeNewTransfer(Map<Key, Transfer> transfers) {
    }

    /** ceil(size / 1024). */
    long chunkCount(long size) {
        return (size + 1023) / 1024;
    }

    /** Where the chunks of a new transfer are written: a hidden temporary file in DIR. */
    Path stagingFile(String name) throws IOException {
        return Files.createTempFile(dir, ".upload-", ".part");
    }

    /** Whether {@code size} (an unsigned u64) is above 64 MiB. */
    boolean tooLarge(long size) {
        return Long.compareUnsigned(size, MAX_SIZE) > 0;
    }

    boolean acknowledgesDuplicates() {
        return true;
    }

    /** Whether an END that comes while chunks are missing gets DONE 1 (it must be ignored). */
    boolean refusesEarlyEnd() {
        return false;
    }

    boolean deletesOnMismatch() {
        return true;
    }

    boolean repeatsDone() {
        return true;
    }

    boolean storesDespiteMismatch() {
        return false;
    }

    static boolean validName(byte[] name) {
        if (name.length == 0 || name[0] == '.') {
            return false;
        }
        for (byte c : name) {
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static byte[] sha256(Path file) throws IOException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void reply(SocketAddress client, ByteBuffer reply) throws IOException {
        socket.send(new DatagramPacket(reply.array(), reply.capacity(), client));
    }
}
