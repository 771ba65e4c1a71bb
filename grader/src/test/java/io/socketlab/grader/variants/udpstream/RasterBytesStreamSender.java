package io.socketlab.grader.variants.udpstream;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;

/**
 * Mistake: copies the image's bytes straight from its raster as B G R triples, which is what ImageIO gives for an
 * 8-bit RGB PNG (TYPE_3BYTE_BGR) and nothing else: alpha, grey, palette and 16-bit images come out scrambled (or
 * crash it). Must lose US-14.
 */
public final class RasterBytesStreamSender extends StreamSenderBase {

    public static void main(String[] args) throws IOException {
        new RasterBytesStreamSender().run(args);
    }

    @Override
    byte[] rgb(BufferedImage image, int y) {
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int width = image.getWidth();
        byte[] row = new byte[3 * width];
        for (int x = 0; x < width; x++) {
            int at = 3 * (y * width + x);
            row[3 * x] = bgr[at + 2];
            row[3 * x + 1] = bgr[at + 1];
            row[3 * x + 2] = bgr[at];
        }
        return row;
    }
}
