package io.socketlab.student.udpstream;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/** One frame being assembled: its size once a HEADER has told it, the rows received so far, and when it last heard anything. */
final class Frame {

    /** Rows kept while the HEADER is still missing, at most: a frame of the greatest height. */
    private static final int MAX_ROWS_BEFORE_HEADER = StreamWire.MAX_HEIGHT;

    private final long number;
    private int width;  // 0 until the HEADER arrives
    private int height;
    private byte[][] rows; // by y, once the size is known; null where a row is missing
    /** US-4: rows that came before the HEADER, keyed by width and y, since their width cannot be checked yet. */
    private Map<Long, byte[]> early = new HashMap<>();
    private int received;
    private boolean ended;
    private long lastHeardNanos = System.nanoTime();

    Frame(long number) {
        this.number = number;
    }

    long number() {
        return number;
    }

    boolean hasHeader() {
        return rows != null;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** US-5: the time of the frame's last datagram. */
    long lastHeardNanos() {
        return lastHeardNanos;
    }

    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    /** Whether an END arrived (perhaps before the HEADER: then the frame is written when the HEADER comes). */
    boolean ended() {
        return ended;
    }

    void end() {
        ended = true;
    }

    /**
     * US-4: the frame's size. The rows kept so far that fit it are taken in; the others are
     * dropped. A second HEADER (HEADER is sent 3 times) changes nothing. Returns the rows taken in.
     */
    Map<Integer, byte[]> header(int frameWidth, int frameHeight) {
        // TODO(US-4): a second HEADER changes nothing (return Map.of()).
        // TODO(US-4): set width, height and rows = new byte[height][]; take in the early rows whose width is
        //   `width` and whose y < height (count them in `received`), drop the others; return those taken in.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-stream.md");
    }

    /**
     * US-2, US-7: keeps row {@code y} unless it is a duplicate, out of range, or of another width;
     * returns whether it was new and kept.
     */
    boolean row(int y, byte[] rgb) {
        // TODO(US-4): before the HEADER keep the row in `early`, keyed by its width and y (at most
        //   MAX_ROWS_BEFORE_HEADER of them), and return false.
        // TODO(US-4, US-7): after it, drop rows with y >= height, of another width, or already received;
        //   keep a new row, count it in `received`, return true.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-stream.md");
    }

    /** US-3: how many distinct rows arrived. */
    int received() {
        return received;
    }

    /**
     * US-2: the frame as an image; each missing row is a copy of the nearest received row above it,
     * and missing rows at the top are black.
     */
    BufferedImage conceal() {
        // TODO(US-2): a TYPE_INT_RGB image of width x height; each row is the received row y, or else a copy
        //   of the nearest received row above it, or black (0) if there is none. toPixels() turns bytes into pixels.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-stream.md");
    }

    /** A ROW's bytes, r g b per pixel, as the 0xRRGGBB pixels of a BufferedImage. */
    static int[] toPixels(byte[] rgb) {
        int[] pixels = new int[rgb.length / 3];
        for (int x = 0; x < pixels.length; x++) {
            pixels[x] = (rgb[3 * x] & 0xFF) << 16 | (rgb[3 * x + 1] & 0xFF) << 8 | rgb[3 * x + 2] & 0xFF;
        }
        return pixels;
    }
}
