package io.socketlab.student.udpstream;

import static io.socketlab.student.Todo.unlessTodo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** udp-stream: the given pixel conversion, and how to test your concealment on a Frame assembled by hand (US-2). */
class UdpStreamTests {

    private static final byte[] RED = {(byte) 0xFF, 0, 0};
    private static final byte[] BLUE = {0, 0, (byte) 0xFF};

    @Test
    void rowBytesBecomePixelsAndANewFrameHasNoSizeYet() {
        assertArrayEquals(new int[] {0xFF0000, 0x0000FF}, Frame.toPixels(new byte[] {(byte) 0xFF, 0, 0, 0, 0, (byte) 0xFF}));
        Frame frame = new Frame(7);
        assertEquals(7, frame.number());
        assertFalse(frame.hasHeader());
    }

    @Test
    void aMissingRowIsTheRowAboveAndBlackAtTheTop() throws Exception {
        Frame frame = new Frame(7);
        unlessTodo("Frame.header", () -> frame.header(1, 4));
        frame.row(1, RED); // rows 0 and 3 never come
        frame.row(2, BLUE);

        BufferedImage image = frame.conceal();

        int[] column = {image.getRGB(0, 0) & 0xFFFFFF, image.getRGB(0, 1) & 0xFFFFFF, image.getRGB(0, 2) & 0xFFFFFF,
                image.getRGB(0, 3) & 0xFFFFFF};
        assertArrayEquals(new int[] {0x000000, 0xFF0000, 0x0000FF, 0x0000FF}, column);
    }
}
