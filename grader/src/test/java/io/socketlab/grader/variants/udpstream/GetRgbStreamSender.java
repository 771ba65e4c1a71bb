package io.socketlab.grader.variants.udpstream;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Mistake: takes every pixel from {@code getRGB}, which passes grey images through a linear colour space (grey 128
 * becomes 188); right for the RGB PNGs of the other tests. Must lose US-14.
 */
public final class GetRgbStreamSender extends StreamSenderBase {

    public static void main(String[] args) throws IOException {
        new GetRgbStreamSender().run(args);
    }

    @Override
    byte[] rgb(BufferedImage image, int y) {
        byte[] row = new byte[3 * image.getWidth()];
        for (int x = 0; x < image.getWidth(); x++) {
            int p = image.getRGB(x, y);
            row[3 * x] = (byte) (p >> 16);
            row[3 * x + 1] = (byte) (p >> 8);
            row[3 * x + 2] = (byte) p;
        }
        return row;
    }
}
