package io.socketlab.student.udptransfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;

/**
 * One file on its way in: which chunks have arrived, a hidden temporary file they are written to
 * at their own offsets, and, once END has been answered, the status every later END gets again.
 */
final class Transfer {

    /** Temporary names start with a dot, so they can never be a valid file name (UT-7). */
    static final String PREFIX = ".udp-incoming-";
    static final String SUFFIX = ".tmp";

    private final String name;
    private final long size;
    private final long chunks;
    private final BitSet received = new BitSet();
    private final Path temp;
    private final FileChannel file;
    private long lastHeardNanos;
    private Byte status; // null until the first END with every chunk in (UT-5)

    private Transfer(String name, long size, Path temp, FileChannel file) {
        this.name = name;
        this.size = size;
        this.chunks = Wire.chunkCount(size);
        this.temp = temp;
        this.file = file;
        heard();
    }

    /** Starts receiving {@code size} bytes for the file {@code name} into a new temporary file of {@code dir}. */
    static Transfer open(Path dir, String name, long size) throws IOException {
        Path temp = Files.createTempFile(dir, PREFIX, SUFFIX);
        try {
            return new Transfer(name, size, temp, FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** The name the file gets once it has verified. */
    String name() {
        return name;
    }

    /** UT-3: whether a START names the same file as the one that opened this transfer. */
    boolean sameAs(String otherName, long otherSize) {
        return name.equals(otherName) && size == otherSize;
    }

    /** UT-4: whether chunk {@code seq} exists and {@code length} is the length it must have. */
    boolean fits(long seq, int length) {
        // TODO(UT-4): seq must be below the chunk count and length must be Wire.chunkLength(size, seq).
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }

    /**
     * UT-4: writes a chunk at offset seq*1024, once: a duplicate is acknowledged by the caller but
     * not written again, and neither is anything after the transfer has been answered.
     */
    void write(long seq, ByteBuffer payload) throws IOException {
        // TODO(UT-4): once answered (status != null) or already received: write nothing.
        // TODO(UT-4): write the payload with file.write(payload, position) at position seq * 1024 (loop until
        //   the buffer is empty), then mark seq in `received`.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }

    /** UT-5: whether every chunk is in, so that END can be answered. */
    boolean complete() {
        // TODO(UT-5): every chunk received (received.cardinality() == chunks).
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }

    /** The status an END was answered with, or null while none has been. */
    Byte status() {
        return status;
    }

    /**
     * UT-5, UT-6: checks the content against {@code expected} and stores it under {@code target}
     * (status 0) or discards it (status 1). Called once, when the first END finds every chunk in.
     */
    byte finish(byte[] expected, Path target) throws IOException {
        // TODO(UT-6): compare Wire.sha256(file) with `expected`: a mismatch is status 1.
        // TODO(UT-1): otherwise file.force(true), then Files.move(temp, target, ATOMIC_MOVE, REPLACE_EXISTING): status 0.
        // TODO: close the file, delete the temporary file if it is still there, remember and return the status.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }

    /** Forgets the transfer: its temporary file is deleted unless it was stored. */
    void abandon() throws IOException {
        file.close();
        Files.deleteIfExists(temp);
    }

    /** Notes that the client was heard from just now. */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    /** Whether the client has been silent about this transfer for at least {@code idleNanos}. */
    boolean idleFor(long idleNanos, long now) {
        return now - lastHeardNanos >= idleNanos;
    }
}
