package io.socketlab.grader.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Seeded pseudo-random content for large transfers, made fast: {@link java.util.Random#nextBytes} makes a few hundred
 * MiB per second, which made generating a 256 MiB upload the grader's largest use of the processor.
 */
public final class RandomBytes {

    private final SplittableRandom random;

    public RandomBytes(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code size} bytes drawn from a generator seeded by {@code random} (a test's seeded Random). */
    public static byte[] of(Random random, int size) {
        byte[] bytes = new byte[size];
        new RandomBytes(random.nextLong()).fill(bytes);
        return bytes;
    }

    /** Fills {@code block} with the next bytes. */
    public void fill(byte[] block) {
        ByteBuffer buffer = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.remaining() >= Long.BYTES) {
            buffer.putLong(random.nextLong());
        }
        long last = random.nextLong();
        while (buffer.hasRemaining()) {
            buffer.put((byte) last);
            last >>>= 8;
        }
    }
}
