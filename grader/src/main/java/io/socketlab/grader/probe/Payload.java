package io.socketlab.grader.probe;

import io.socketlab.grader.model.Text;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Bytes a test sends or expects, described for a student and generated on demand: a stream of 16 MiB is never held
 * in memory, it is produced again from its seed wherever it is needed (sent by one thread, compared by another).
 */
public final class Payload {

    private static final int BLOCK = 64 * 1024;

    private final long size;
    private final long seed;
    private final byte[] bytes;
    private final Text description;

    private Payload(long size, long seed, byte[] bytes, Text description) {
        this.size = size;
        this.seed = seed;
        this.bytes = bytes;
        this.description = description;
    }

    /** {@code size} random bytes, drawn from the test's seeded {@code random} (a run can be replayed). */
    public static Payload random(Random random, long size) {
        String shown = Bytes.size(size);
        Text description = shown.endsWith(" bytes")
                ? Text.format("%d random bytes", "%d bytes aleatorios", size)
                : Text.format("%s of random bytes", "%s de bytes aleatorios", shown);
        return new Payload(size, random.nextLong(), null, description);
    }

    /** These exact bytes, shown quoted (or in hex) when short. */
    public static Payload of(byte[] bytes) {
        return new Payload(bytes.length, 0, bytes.clone(), Facts.sent(bytes));
    }

    public long size() {
        return size;
    }

    /** "16 MiB of random bytes" / "16 MiB de bytes aleatorios". */
    public Text description() {
        return description;
    }

    /** The bytes from the start, generated as they are read. */
    public InputStream open() {
        return new Generator();
    }

    /** Produces the payload's bytes in order; never fails. */
    private final class Generator extends InputStream {
        private final SplittableRandom source = new SplittableRandom(seed);
        private final byte[] block = new byte[bytes != null ? 0 : (int) Math.min(BLOCK, size)];
        private long position;
        private int inBlock = block.length;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            if (bytes != null) {
                System.arraycopy(bytes, (int) position, target, offset, n);
            } else {
                if (inBlock == block.length) {
                    source.nextBytes(block);
                    inBlock = 0;
                }
                n = Math.min(n, block.length - inBlock);
                System.arraycopy(block, inBlock, target, offset, n);
                inBlock += n;
            }
            position += n;
            return n;
        }

        /** Fills {@code target} from {@code offset} with the next {@code length} bytes (fewer only at the end). */
        int readFully(byte[] target, int offset, int length) {
            int filled = 0;
            while (filled < length) {
                int n = read(target, offset + filled, length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
            return filled;
        }
    }

    /**
     * Whether {@code actual} holds exactly these bytes; when not, {@code where} receives the offset of the first
     * difference (the length of the shorter when one is a prefix of the other).
     */
    public boolean matches(byte[] actual, long[] where) {
        Generator expected = new Generator();
        byte[] chunk = new byte[BLOCK];
        long offset = 0;
        while (offset < Math.min(size, actual.length)) {
            int n = expected.readFully(chunk, 0, (int) Math.min(chunk.length, Math.min(size, actual.length) - offset));
            int mismatch = Arrays.mismatch(chunk, 0, n, actual, (int) offset, (int) offset + n);
            if (mismatch >= 0) {
                where[0] = offset + mismatch;
                return false;
            }
            offset += n;
        }
        where[0] = offset;
        return size == actual.length;
    }

    /** The expected bytes from {@code from}, at most {@code length} of them: a window to show around a difference. */
    byte[] window(long from, int length) {
        Generator in = new Generator();
        byte[] skip = new byte[BLOCK];
        for (long skipped = 0; skipped < from; ) {
            int n = in.readFully(skip, 0, (int) Math.min(skip.length, from - skipped));
            if (n == 0) {
                return new byte[0];
            }
            skipped += n;
        }
        byte[] window = new byte[(int) Math.max(0, Math.min(length, size - from))];
        in.readFully(window, 0, window.length);
        return window;
    }

    /** A description of how {@code actual} differs from these bytes, or null when it does not. */
    public Text differenceFrom(byte[] actual) {
        long[] where = new long[1];
        if (matches(actual, where)) {
            return null;
        }
        long at = where[0];
        long from = Math.max(0, at - 8);
        byte[] expectedWindow = window(from, 32);
        byte[] actualWindow = Arrays.copyOfRange(actual, (int) Math.min(from, actual.length),
                (int) Math.min(actual.length, from + 32));
        return Bytes.differenceAt(at, size, expectedWindow, actualWindow, (int) (at - from), actual.length);
    }
}
