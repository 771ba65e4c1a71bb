package io.socketlab.reference.udpstream;

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
        if (hasHeader()) {
            return Map.of();
        }
        width = frameWidth;
        height = frameHeight;
        rows = new byte[height][];
        Map<Integer, byte[]> taken = new HashMap<>();
        early.forEach((key, rgb) -> {
            int y = (int) (key & 0xFFFF);
            if (rgb.length == 3 * width && y < height) {
                rows[y] = rgb;
                taken.put(y, rgb);
            }
        });
        received = taken.size();
        early = null;
        return taken;
    }

    /**
     * US-2, US-7: keeps row {@code y} unless it is a duplicate, out of range, or of another width;
     * returns whether it was new and kept.
     */
    boolean row(int y, byte[] rgb) {
        if (!hasHeader()) {
            // The width is unknown, so a row of each width may be kept for each y.
            long key = (long) rgb.length << 16 | y;
            if (early.size() < MAX_ROWS_BEFORE_HEADER) {
                early.putIfAbsent(key, rgb);
            }
            return false;
        }
        if (y >= height || rgb.length != 3 * width || rows[y] != null) {
            return false;
        }
        rows[y] = rgb;
        received++;
        return true;
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
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[width]; // all black until a row is received
        for (int y = 0; y < height; y++) {
            if (rows[y] != null) {
                pixels = toPixels(rows[y]);
            }
            image.setRGB(0, y, width, 1, pixels, 0, width);
        }
        return image;
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
