package io.socketlab.student.udptransfer;

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

    private static final Logger LOG = Logger.getLogger(Transfers.class.getName());

    /** UT-7: the name rules of file-transfer, 1 to 255 of {@code [A-Za-z0-9._-]}, not starting with a dot. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}");
    /** State idle this long is dropped, temporary file included. */
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Each transfer holds an open file: a flood of STARTs must not exhaust the process's files. */
    private static final int MAX_TRANSFERS = 1_000;

    /** UT-8: transfers are told apart by who sends them and the tid they chose. */
    private record Key(SocketAddress client, int tid) {
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
        // TODO(UT-9): fewer than 5 bytes (type and tid): ignore (return null).
        // TODO(UT-8): read the type byte and the tid; the key of the transfer is new Key(client, tid).
        // TODO: dispatch on the type: start(...), data(...), end(...); any other type is ignored.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }

    /** UT-1, UT-3, UT-7: {@code size:u64 nameLen:u8 name} → START-ACK or ERROR. */
    private ByteBuffer start(Key key, ByteBuffer rest) throws IOException {
        // TODO(UT-9): size:u64 nameLen:u8 name, exactly: anything shorter or longer is ignored.
        // TODO(UT-7): decode the name as UTF-8; !isValidName(name) -> error(tid, Wire.ERROR_BAD_NAME), checked first;
        //   then a size above Wire.MAX_FILE_BYTES (compare unsigned: Long.compareUnsigned) -> ERROR_TOO_LARGE.
        // TODO(UT-3): a known key with the same name and size: heard(), answer START-ACK again and change nothing;
        //   with another name or size: ignore. A new key: transfers.put(key, Transfer.open(dir, name, size)).
        // TODO(UT-1): answer Wire.message(Wire.START_ACK, tid, 0).flip().
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }

    /** UT-4: {@code seq:u32 payload} → ACK, duplicates included; anything out of place is ignored. */
    private ByteBuffer data(Key key, ByteBuffer rest) throws IOException {
        // TODO(UT-4): unknown key, no seq, or !transfer.fits(seq, payload length): ignore (null).
        // TODO(UT-4): heard(), write(seq, rest), and answer ACK tid seq, for duplicates too.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }

    /** UT-5, UT-6: {@code sha256:32} → DONE once every chunk is in; ignored before. */
    private ByteBuffer end(Key key, ByteBuffer rest) throws IOException {
        // TODO(UT-9): unknown key, or not exactly 32 digest bytes: ignore.
        // TODO(UT-5): not answered yet and chunks missing: ignore (the client sends END again).
        // TODO(UT-6): the first complete END: status = transfer.finish(digest, dir.resolve(transfer.name())).
        // TODO(UT-5): answer DONE tid status, the same status for every later END.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }

    /** Drops every transfer idle for 30 s; their temporary files go with them. */
    void dropIdle() throws IOException {
        // TODO: remove every transfer idleFor(IDLE_NANOS, now) and abandon() it (its temporary file goes).
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }

    private static ByteBuffer error(int tid, byte code) {
        return Wire.message(Wire.ERROR, tid, 1).put(code).flip();
    }
}
