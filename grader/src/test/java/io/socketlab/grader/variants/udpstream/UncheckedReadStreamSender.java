package io.socketlab.grader.variants.udpstream;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Mistake: uses what {@code ImageIO.read} returns without looking: a missing file or a corrupt PNG throws, and a
 * file that is no image returns null, so the sender dies with a stack trace and exit 1. Must lose US-13.
 */
public final class UncheckedReadStreamSender extends StreamSenderBase {

    public static void main(String[] args) throws IOException {
        new UncheckedReadStreamSender().run(args);
    }

    @Override
    BufferedImage read(String path) throws IOException {
        BufferedImage image = ImageIO.read(new File(path));
        image.getWidth(); // a NullPointerException for a file that is no image
        return image;
    }
}
