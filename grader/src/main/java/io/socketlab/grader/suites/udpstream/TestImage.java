package io.socketlab.grader.suites.udpstream;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Text;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A picture the grader streams: every pixel a seeded random colour, so no two rows look alike and a concealed row
 * shows which row it was copied from.
 */
final class TestImage {

    private static final int MAX_ROWS_SHOWN = 4;

    final int width;
    final int height;
    private final int[] rgb;

    private TestImage(int width, int height, int[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    static TestImage random(Random random, int width, int height) {
        return new TestImage(width, height, IntStream.range(0, width * height).map(i -> random.nextInt(1 << 24)).toArray());
    }

    int pixel(int x, int y) {
        return rgb[y * width + x];
    }

    int[] row(int y) {
        return Arrays.copyOfRange(rgb, y * width, (y + 1) * width);
    }

    /** Row {@code y} as a ROW datagram carries it: R, G, B per pixel, left to right. */
    byte[] rowBytes(int y) {
        byte[] bytes = new byte[3 * width];
        for (int x = 0; x < width; x++) {
            int p = pixel(x, y);
            bytes[3 * x] = (byte) (p >> 16);
            bytes[3 * x + 1] = (byte) (p >> 8);
            bytes[3 * x + 2] = (byte) p;
        }
        return bytes;
    }

    /**
     * Where each row of the written frame comes from when only {@code received} rows arrived: itself, the nearest
     * received row above, or -1 for black (no received row above it).
     */
    int[] sources(Set<Integer> received) {
        int[] sources = new int[height];
        int last = -1;
        for (int y = 0; y < height; y++) {
            if (received.contains(y)) {
                last = y;
            }
            sources[y] = last;
        }
        return sources;
    }

    /** The rows of {@code decoded} that hold exactly the row sent at their place (every pixel opaque). */
    Set<Integer> rowsAsSent(BufferedImage decoded) {
        Set<Integer> rows = new TreeSet<>();
        for (int y = 0; y < Math.min(height, decoded.getHeight()) && decoded.getWidth() == width; y++) {
            int[] got = decoded.getRGB(0, y, width, 1, null, 0, width);
            int[] sent = row(y);
            boolean same = true;
            for (int x = 0; x < width && same; x++) {
                same = got[x] == (0xFF000000 | sent[x]);
            }
            if (same) {
                rows.add(y);
            }
        }
        return rows;
    }

    /** Every row received. */
    int[] allRows() {
        return IntStream.range(0, height).toArray();
    }

    /**
     * Fails unless {@code decoded} is this picture as received: each row equal to its source row (see
     * {@link #sources}), black where the source is -1, every pixel opaque.
     */
    void expectFrame(BufferedImage decoded, int[] sources, Text step) {
        if (decoded.getWidth() != width || decoded.getHeight() != height) {
            throw ConformanceFailure.integrity(step, Text.format("a %dx%d image", "una imagen de %dx%d", width, height),
                    Text.of("a " + decoded.getWidth() + "x" + decoded.getHeight() + " image",
                            "una imagen de " + decoded.getWidth() + "x" + decoded.getHeight()));
        }
        List<String> wrongEn = new ArrayList<>();
        List<String> wrongEs = new ArrayList<>();
        List<Integer> wrongRows = new ArrayList<>();
        for (int y = 0; y < height; y++) {
            int[] got = decoded.getRGB(0, y, width, 1, null, 0, width);
            int[] expected = sources[y] < 0 ? new int[width] : row(sources[y]);
            boolean same = true;
            for (int x = 0; x < width && same; x++) {
                same = got[x] == (0xFF000000 | expected[x]);
            }
            if (!same) {
                wrongRows.add(y);
                if (wrongEn.size() < MAX_ROWS_SHOWN) {
                    wrongEn.add("row " + y + ": expected " + describeExpected(y, sources[y], Lang.EN)
                            + " but got " + describeGot(got, Lang.EN));
                    wrongEs.add("fila " + y + ": se esperaba " + describeExpected(y, sources[y], Lang.ES)
                            + " pero llegó " + describeGot(got, Lang.ES));
                }
            }
        }
        if (!wrongRows.isEmpty()) {
            String rows = wrongRows.stream().map(String::valueOf).collect(Collectors.joining(", "));
            String more = wrongRows.size() > MAX_ROWS_SHOWN ? "; ..." : "";
            throw ConformanceFailure.integrity(step, Text.of("every row as sent, missing rows copied from the nearest row above",
                            "cada fila tal como se envió, las que faltan copiadas de la fila más cercana por encima"),
                    Text.of(wrongRows.size() + " wrong row(s) (" + rows + "): " + String.join("; ", wrongEn) + more,
                            wrongRows.size() + " fila(s) incorrecta(s) (" + rows + "): " + String.join("; ", wrongEs) + more));
        }
    }

    private String describeExpected(int y, int source, Lang lang) {
        if (source < 0) {
            return lang == Lang.EN ? "black (no row above it was sent)" : "negro (no se envió ninguna fila encima)";
        }
        String colours = colours(row(source));
        if (source == y) {
            return lang == Lang.EN ? "the row as sent " + colours : "la fila tal como se envió " + colours;
        }
        return lang == Lang.EN ? "a copy of row " + source + " " + colours + " (row " + y + " was not sent)"
                : "una copia de la fila " + source + " " + colours + " (la fila " + y + " no se envió)";
    }

    /** Names what a wrong row holds: a copy of another row, black, a colour-swapped row, or its first colours. */
    private String describeGot(int[] got, Lang lang) {
        int[] opaque = Arrays.stream(got).map(p -> p & 0xFFFFFF).toArray();
        if (Arrays.stream(got).anyMatch(p -> (p >>> 24) != 0xFF)) {
            return lang == Lang.EN ? "transparent pixels " + colours(opaque) : "píxeles transparentes " + colours(opaque);
        }
        if (Arrays.stream(opaque).allMatch(p -> p == 0)) {
            return lang == Lang.EN ? "black" : "negro";
        }
        for (int k = 0; k < height; k++) {
            if (Arrays.equals(opaque, row(k))) {
                return (lang == Lang.EN ? "a copy of row " : "una copia de la fila ") + k + " " + colours(opaque);
            }
            int[] swapped = Arrays.stream(row(k)).map(p -> (p & 0xFF) << 16 | (p & 0xFF00) | (p >> 16) & 0xFF).toArray();
            if (Arrays.equals(opaque, swapped)) {
                return lang == Lang.EN ? "row " + k + " with red and blue swapped (BGR instead of RGB)"
                        : "la fila " + k + " con rojo y azul intercambiados (BGR en lugar de RGB)";
            }
        }
        return colours(opaque);
    }

    /** The first pixels of a row in hex: {@code #1a2b3c #ffffff #000000 ...}. */
    private static String colours(int[] row) {
        String shown = Arrays.stream(row).limit(3).mapToObj(p -> String.format(Locale.ROOT, "#%06x", p & 0xFFFFFF))
                .collect(Collectors.joining(" "));
        return "(" + shown + (row.length > 3 ? " ..." : "") + ")";
    }
}
