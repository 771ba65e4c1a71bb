package io.socketlab.grader.suites.udpstream;

import io.socketlab.grader.model.Text;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG the grader hands to a sender (US-14), written byte by byte: ImageIO chooses the colour type, bit depth and
 * filters itself, while a real file may use any of them, so the grader writes each one on purpose. Every row uses
 * another filter type (None, Sub, Up, Average, Paeth in turn), the image data is split into IDAT chunks of 8 KiB (as
 * libpng does), and no colour-space chunk (gAMA, sRGB, iCCP) is written: the samples are the colours. The picture
 * also knows the r g b bytes each row must become on the wire.
 */
final class PngPicture {

    /** The colour types and bit depths of the PNG standard (ISO/IEC 15948, table 11.1). */
    enum Kind {
        GREY_1(0, 1, "1-bit grey", "gris de 1 bit"), GREY_2(0, 2, "2-bit grey", "gris de 2 bits"),
        GREY_4(0, 4, "4-bit grey", "gris de 4 bits"), GREY_8(0, 8, "8-bit grey", "gris de 8 bits"),
        GREY_16(0, 16, "16-bit grey", "gris de 16 bits"),
        RGB_8(2, 8, "8-bit RGB", "RGB de 8 bits"), RGB_16(2, 16, "16-bit RGB", "RGB de 16 bits"),
        PALETTE_1(3, 1, "1-bit palette", "de paleta de 1 bit"), PALETTE_2(3, 2, "2-bit palette", "de paleta de 2 bits"),
        PALETTE_4(3, 4, "4-bit palette", "de paleta de 4 bits"),
        PALETTE_8(3, 8, "8-bit palette with transparency", "de paleta de 8 bits con transparencia"),
        GREY_ALPHA_8(4, 8, "8-bit grey with alpha", "gris con alfa de 8 bits"),
        GREY_ALPHA_16(4, 16, "16-bit grey with alpha", "gris con alfa de 16 bits"),
        RGBA_8(6, 8, "8-bit RGBA", "RGBA de 8 bits"), RGBA_16(6, 16, "16-bit RGBA", "RGBA de 16 bits");

        final int colourType;
        final int depth;
        final Text description;

        Kind(int colourType, int depth, String en, String es) {
            this.colourType = colourType;
            this.depth = depth;
            this.description = Text.of(en, es);
        }

        /** Samples per pixel: grey 1, grey+alpha 2, RGB 3, RGBA 4, a palette index 1. */
        int channels() {
            return switch (colourType) {
                case 2 -> 3;
                case 4 -> 2;
                case 6 -> 4;
                default -> 1;
            };
        }

        boolean palette() {
            return colourType == 3;
        }
    }

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int IDAT_BYTES = 8192;

    final Kind kind;
    final int width;
    final int height;
    /** Per row, per pixel, per channel: the raw sample (a palette index for palette images). */
    private final int[][][] samples;
    /** Palette images: the entries' 0xRRGGBB, and their alpha (tRNS). */
    private final int[] palette;
    private final int[] paletteAlpha;

    private PngPicture(Kind kind, int width, int height, int[][][] samples, int[] palette, int[] paletteAlpha) {
        this.kind = kind;
        this.width = width;
        this.height = height;
        this.samples = samples;
        this.palette = palette;
        this.paletteAlpha = paletteAlpha;
    }

    /** A picture of seeded random samples; alpha is random too, transparent pixels included. */
    static PngPicture random(Random random, Kind kind, int width, int height) {
        int max = (1 << kind.depth) - 1;
        int[][][] samples = new int[height][width][kind.channels()];
        for (int[][] row : samples) {
            for (int[] pixel : row) {
                for (int c = 0; c < pixel.length; c++) {
                    pixel[c] = random.nextInt(max + 1);
                }
            }
        }
        int[] palette = new int[0];
        int[] alpha = new int[0];
        if (kind.palette()) {
            palette = random.ints(1 << kind.depth, 0, 1 << 24).toArray();
            alpha = random.ints(1 << kind.depth, 0, 256).toArray();
        }
        return new PngPicture(kind, width, height, samples, palette, alpha);
    }

    /** "a 16-bit grey PNG of 11x4" */
    Text describe() {
        return Text.of("a " + kind.description.en() + " PNG of " + width + "x" + height,
                "un PNG " + kind.description.es() + " de " + width + "x" + height);
    }

    /** Row {@code y} as the sender must send it: r g b per pixel, 16-bit samples cut to their high byte. */
    byte[] rowBytes(int y) {
        byte[] rgb = new byte[3 * width];
        for (int x = 0; x < width; x++) {
            int[] colour = colour(samples[y][x], false);
            for (int c = 0; c < 3; c++) {
                rgb[3 * x + c] = (byte) colour[c];
            }
        }
        return rgb;
    }

    /** Whether {@code rgb} is row {@code y} as sent, 16-bit samples either cut to their high byte or rounded. */
    boolean accepts(int y, byte[] rgb) {
        if (rgb.length != 3 * width) {
            return false;
        }
        for (int x = 0; x < width; x++) {
            int[] cut = colour(samples[y][x], false);
            int[] rounded = colour(samples[y][x], true);
            for (int c = 0; c < 3; c++) {
                int got = rgb[3 * x + c] & 0xFF;
                if (got != cut[c] && got != rounded[c]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The r, g, b a pixel stands for; alpha dropped. */
    private int[] colour(int[] pixel, boolean rounded) {
        if (kind.palette()) {
            int entry = palette[pixel[0]];
            return new int[] {entry >> 16 & 0xFF, entry >> 8 & 0xFF, entry & 0xFF};
        }
        if (kind.channels() <= 2) {
            int grey = eightBits(pixel[0], rounded);
            return new int[] {grey, grey, grey};
        }
        return new int[] {eightBits(pixel[0], rounded), eightBits(pixel[1], rounded), eightBits(pixel[2], rounded)};
    }

    /** A sample scaled to 0..255: fewer bits by exact scaling, 16 bits by its high byte (or rounded). */
    private int eightBits(int sample, boolean rounded) {
        int max = (1 << kind.depth) - 1;
        if (kind.depth == 16) {
            return rounded ? (sample * 255 + max / 2) / max : sample >> 8;
        }
        return sample * 255 / max;
    }

    /** The PNG file: signature, IHDR, PLTE and tRNS for a palette, IDAT chunks, IEND. */
    byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) kind.depth)
                .put((byte) kind.colourType).put((byte) 0).put((byte) 0).put((byte) 0).array());
        if (kind.palette()) {
            byte[] plte = new byte[3 * palette.length];
            for (int i = 0; i < palette.length; i++) {
                plte[3 * i] = (byte) (palette[i] >> 16);
                plte[3 * i + 1] = (byte) (palette[i] >> 8);
                plte[3 * i + 2] = (byte) palette[i];
            }
            chunk(out, "PLTE", plte);
            if (kind.depth == 8) {
                byte[] trns = new byte[paletteAlpha.length];
                for (int i = 0; i < trns.length; i++) {
                    trns[i] = (byte) paletteAlpha[i];
                }
                chunk(out, "tRNS", trns);
            }
        }
        byte[] compressed = deflate(filtered());
        for (int from = 0; from < compressed.length; from += IDAT_BYTES) {
            byte[] part = new byte[Math.min(IDAT_BYTES, compressed.length - from)];
            System.arraycopy(compressed, from, part, 0, part.length);
            chunk(out, "IDAT", part);
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** The rows packed (samples of fewer than 8 bits several to a byte, 16 bits big-endian), each after its filter byte. */
    private byte[] filtered() {
        int bitsPerPixel = kind.channels() * kind.depth;
        int stride = (width * bitsPerPixel + 7) / 8;
        int bpp = Math.max(1, bitsPerPixel / 8); // the filters' "corresponding byte of the pixel to the left"
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] previous = new byte[stride];
        for (int y = 0; y < height; y++) {
            byte[] raw = pack(samples[y], stride);
            int filter = y % 5;
            out.write(filter);
            for (int i = 0; i < stride; i++) {
                int a = i >= bpp ? raw[i - bpp] & 0xFF : 0;
                int b = previous[i] & 0xFF;
                int c = i >= bpp ? previous[i - bpp] & 0xFF : 0;
                int predictor = switch (filter) {
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) / 2;
                    case 4 -> paeth(a, b, c);
                    default -> 0;
                };
                out.write((raw[i] - predictor) & 0xFF);
            }
            previous = raw;
        }
        return out.toByteArray();
    }

    private byte[] pack(int[][] row, int stride) {
        byte[] bytes = new byte[stride];
        int bit = 0;
        for (int[] pixel : row) {
            for (int sample : pixel) {
                if (kind.depth == 16) {
                    bytes[bit / 8] = (byte) (sample >> 8);
                    bytes[bit / 8 + 1] = (byte) sample;
                } else {
                    // Samples of fewer than 8 bits fill each byte from its most significant bit.
                    bytes[bit / 8] |= (byte) (sample << (8 - kind.depth - bit % 8));
                }
                bit += kind.depth;
            }
        }
        return bytes;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
