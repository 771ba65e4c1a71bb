package io.socketlab.reference.udptransfer;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/** The server's side of the protocol: every transfer in progress, and the answer to each datagram. */
final class Transfers {

    /** UT-7: the name rules of file-transfer, 1 to 255 of {@code [A-Za-z0-9._-]}, not starting with a dot. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}");
    /** State idle this long is dropped, temporary file included. */
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Each transfer holds an open file: a flood of STARTs must not exhaust the process's files. */
    private static final int MAX_TRANSFERS = 1_000;
    private static final Logger LOG = Logger.getLogger(Transfers.class.getName());

    /** UT-8: transfers are told apart by who sends them and the tid they chose. */
    private record Key(SocketAddress client, int tid) {
        @Override
        public String toString() {
            return client + " tid " + Integer.toUnsignedString(tid);
        }
    }

    private final Path dir;
    private final Map<Key, Transfer> transfers = new HashMap<>();

    /** Stores files in {@code dir}, deleting the temporary files a killed server left there. */
    Transfers(Path dir) throws IOException {
        this.dir = dir;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, Transfer.PREFIX + "*" + Transfer.SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** UT-7: whether {@code name} may be a file name in the folder; no such name can leave it. */
    static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    /**
     * Answers one datagram from {@code client}: the reply to send back, or null when it is to be
     * ignored (UT-9: truncated, unknown, or for a transfer this server does not know).
     */
    ByteBuffer answer(SocketAddress client, ByteBuffer datagram) throws IOException {
        if (datagram.remaining() < 5) {
            LOG.finer(() -> client + ": a datagram too short for a type and a tid: ignored");
            return null;
        }
        byte type = datagram.get();
        int tid = datagram.getInt();
        Key key = new Key(client, tid);
        return switch (type) {
            case Wire.START -> start(key, datagram);
            case Wire.DATA -> data(key, datagram);
            case Wire.END -> end(key, datagram);
            default -> {
                LOG.finer(() -> client + ": unknown type " + type + ": ignored");
                yield null;
            }
        };
    }

    /** UT-1, UT-3, UT-7: {@code size:u64 nameLen:u8 name} → START-ACK or ERROR. */
    private ByteBuffer start(Key key, ByteBuffer rest) throws IOException {
        if (rest.remaining() < 9) {
            return null;
        }
        long size = rest.getLong(); // u64: a "negative" long is above 2^63, far too large
        int nameLength = Byte.toUnsignedInt(rest.get());
        if (rest.remaining() != nameLength) {
            return null; // truncated, or trailing bytes: not a START this server understands
        }
        byte[] nameBytes = new byte[nameLength];
        rest.get(nameBytes);
        // Invalid UTF-8 becomes U+FFFD, which no valid name contains.
        String name = new String(nameBytes, StandardCharsets.UTF_8);
        if (!isValidName(name)) {
            LOG.fine(() -> key + ": START refused: bad name");
            return error(key.tid(), Wire.ERROR_BAD_NAME); // checked first
        }
        if (Long.compareUnsigned(size, Wire.MAX_FILE_BYTES) > 0) {
            LOG.fine(() -> key + ": START refused: " + Long.toUnsignedString(size) + " bytes is too large");
            return error(key.tid(), Wire.ERROR_TOO_LARGE);
        }
        Transfer transfer = transfers.get(key);
        if (transfer == null) {
            if (transfers.size() >= MAX_TRANSFERS) {
                return null; // the client repeats its START, and may find room later
            }
            transfers.put(key, Transfer.open(dir, name, size));
            LOG.fine(() -> key + ": START " + name + ", " + size + " bytes");
        } else if (!transfer.sameAs(name, size)) {
            LOG.fine(() -> key + ": START of another file on a busy tid: ignored");
            return null; // the client must choose another tid
        } else {
            transfer.heard(); // UT-3: the same START again changes nothing
        }
        return Wire.message(Wire.START_ACK, key.tid(), 0).flip();
    }

    /** UT-4: {@code seq:u32 payload} → ACK, duplicates included; anything out of place is ignored. */
    private ByteBuffer data(Key key, ByteBuffer rest) throws IOException {
        Transfer transfer = transfers.get(key);
        if (transfer == null || rest.remaining() < 4) {
            return null;
        }
        long seq = Integer.toUnsignedLong(rest.getInt());
        if (!transfer.fits(seq, rest.remaining())) {
            LOG.finer(() -> key + ": DATA " + seq + " does not fit the file: ignored");
            return null;
        }
        transfer.heard();
        transfer.write(seq, rest);
        return Wire.message(Wire.ACK, key.tid(), 4).putInt((int) seq).flip();
    }

    /** UT-5, UT-6: {@code sha256:32} → DONE once every chunk is in; ignored before. */
    private ByteBuffer end(Key key, ByteBuffer rest) throws IOException {
        Transfer transfer = transfers.get(key);
        if (transfer == null || rest.remaining() != Wire.DIGEST_BYTES) {
            return null;
        }
        transfer.heard();
        Byte status = transfer.status();
        if (status == null) {
            if (!transfer.complete()) {
                LOG.fine(() -> key + ": END before every chunk: ignored");
                return null; // UT-5: the client sends END again, after the missing chunks
            }
            byte[] digest = new byte[Wire.DIGEST_BYTES];
            rest.get(digest);
            status = transfer.finish(digest, dir.resolve(transfer.name()));
            byte done = status;
            LOG.fine(() -> key + ": END: " + transfer.name() + (done == 0 ? " stored" : " discarded: digest mismatch"));
        }
        // UT-5, UT-6: a repeated END gets the status the first one got.
        return Wire.message(Wire.DONE, key.tid(), 1).put(status).flip();
    }

    /** Drops every transfer idle for 30 s; their temporary files go with them. */
    void dropIdle() throws IOException {
        long now = System.nanoTime();
        for (Iterator<Transfer> it = transfers.values().iterator(); it.hasNext(); ) {
            Transfer transfer = it.next();
            if (transfer.idleFor(IDLE_NANOS, now)) {
                LOG.fine(() -> transfer.name() + ": idle for " + TimeUnit.NANOSECONDS.toSeconds(IDLE_NANOS)
                        + " s: dropped");
                it.remove();
                transfer.abandon();
            }
        }
    }

    private static ByteBuffer error(int tid, byte code) {
        return Wire.message(Wire.ERROR, tid, 1).put(code).flip();
    }
}
