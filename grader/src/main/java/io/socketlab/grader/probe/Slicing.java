package io.socketlab.grader.probe;

import io.socketlab.grader.model.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a probe cuts what it sends into TCP segments (Nagle is off, so each piece is its own segment), with a
 * deliberate pause between pieces so the peer reads them apart: a peer that takes one read for one message breaks.
 * A value: {@link #WHOLE}, {@link #everyByte()}, {@link #pieces(int)}, {@link #at(int...)}.
 */
public final class Slicing {

    /** The pause between pieces unless told otherwise: long enough for the peer to read each piece alone. */
    public static final Duration DEFAULT_PAUSE = Duration.ofMillis(10);

    /** Everything in one write. */
    public static final Slicing WHOLE = new Slicing(0, new int[0], Duration.ZERO);

    private final int pieceSize;
    private final int[] cuts;
    private final Duration pause;

    private Slicing(int pieceSize, int[] cuts, Duration pause) {
        this.pieceSize = pieceSize;
        this.cuts = cuts;
        this.pause = pause;
    }

    /** One byte per segment: a split at every byte boundary (inside multibyte characters too). */
    public static Slicing everyByte() {
        return pieces(1);
    }

    /** Pieces of {@code size} bytes. */
    public static Slicing pieces(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a piece has at least one byte, not " + size);
        }
        return new Slicing(size, new int[0], DEFAULT_PAUSE);
    }

    /** Cut before each of these byte offsets, e.g. {@code at(8)} sends {@code "HELLO fa"} then {@code "ke\n"}. */
    public static Slicing at(int... offsets) {
        int[] sorted = offsets.clone();
        Arrays.sort(sorted);
        return new Slicing(0, sorted, DEFAULT_PAUSE);
    }

    /** The same cuts with another pause between pieces. */
    public Slicing pausing(Duration between) {
        return new Slicing(pieceSize, cuts, between);
    }

    Duration pause() {
        return pause;
    }

    /** The pieces of {@code length} bytes, each as {@code {offset, length}}. */
    List<int[]> cut(int length) {
        List<int[]> pieces = new ArrayList<>();
        if (pieceSize > 0) {
            for (int from = 0; from < length; from += pieceSize) {
                pieces.add(new int[] {from, Math.min(pieceSize, length - from)});
            }
            return pieces;
        }
        int from = 0;
        for (int cut : cuts) {
            if (cut > from && cut < length) {
                pieces.add(new int[] {from, cut - from});
                from = cut;
            }
        }
        if (from < length || length == 0) {
            pieces.add(new int[] {from, length - from});
        }
        return pieces;
    }

    /** The transcript's note for a send of {@code length} bytes, or null when it went whole. */
    Text describe(int length) {
        int count = cut(length).size();
        if (count <= 1) {
            return null;
        }
        if (pieceSize > 0) {
            return Text.format("(sent in %d segments of %d byte%s)", "(enviado en %d segmentos de %d byte%s)",
                    count, pieceSize, pieceSize == 1 ? "" : "s");
        }
        return Text.format("(sent in %d segments, cut at bytes %s)", "(enviado en %d segmentos, cortado en los bytes %s)",
                count, Arrays.toString(cuts));
    }
}
