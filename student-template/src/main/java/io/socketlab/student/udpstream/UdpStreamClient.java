package io.socketlab.student.udpstream;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

/** The udp-stream sender: one image as one frame, HEADER×3, a ROW per line top to bottom at a steady pace, END×3. */
public final class UdpStreamClient {

    private static final Logger LOG = Logger.getLogger(UdpStreamClient.class.getName());

    private static final String PROGRAM = "udp-stream client";
    private static final String USAGE =
            "UdpStreamClient --host H --port N IMAGE [--frame F] [--rows-per-second R]";
    private static final long MAX_FRAME = 0xFFFF_FFFFL; // u32
    private static final int DEFAULT_ROWS_PER_SECOND = 1000;

    private UdpStreamClient() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--host", "--port", "--frame", "--rows-per-second"), Set.of());
            List<String> words = args.positionals();
            if (words.size() != 1) {
                throw args.usageError("expected one IMAGE");
            }
            long frame = args.longValue("--frame", 0, 0, MAX_FRAME);
            int rowsPerSecond = args.intValue("--rows-per-second", DEFAULT_ROWS_PER_SECOND, 0, 1_000_000);
            InetSocketAddress receiver = args.serverAddress();
            BufferedImage image = read(args, Path.of(words.get(0))); // US-13: before anything is sent
            send(receiver, image, frame, rowsPerSecond);
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/udp-stream.md)");
            System.exit(1);
        }
    }

    /** US-13: a PNG or JPEG at most 480 pixels wide; anything else is a usage error. */
    private static BufferedImage read(Args args, Path file) throws Failure {
        // TODO(US-13): ImageIO.read(file.toFile()); an IOException or a null result (not an image) is
        //   args.usageError(...) (exit 2), and so is a width above StreamWire.MAX_WIDTH or a height above MAX_HEIGHT.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-stream.md");
    }

    /** US-10: streams {@code image}; nothing is ever sent twice except HEADER and END (US-11). */
    private static void send(InetSocketAddress receiver, BufferedImage image, long frame, int rowsPerSecond)
            throws Failure {
        // TODO(US-10, US-11): from one DatagramSocket: HEADER (frame:u32, width:u16, height:u16) REPEATS times,
        //   then one ROW (frame, y, then putRgb(row, image, y): 3 bytes r g b per pixel) per y, top to bottom,
        //   then END (frame) REPEATS times. An IOException is Failure.incomplete(...).
        // TODO(US-12): with rowsPerSecond > 0, row y leaves at start + y / rowsPerSecond seconds: waitUntil(deadline).
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-stream.md");
    }

    /**
     * US-14: puts the r g b of each pixel of row {@code y}, alpha dropped. {@code getRGB} gives the stored colours
     * of RGB and palette images, but passes grey ones through a linear colour space (a grey 128 would come out as
     * 188), so grey samples are read from the raster and scaled to 8 bits instead (16 bits: the high byte).
     */
    private static void putRgb(ByteBuffer row, BufferedImage image, int y) {
        int width = image.getWidth();
        ColorModel model = image.getColorModel();
        if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            int bits = model.getComponentSize(0);
            for (int x = 0; x < width; x++) {
                int sample = image.getRaster().getSample(x, y, 0);
                byte grey = (byte) (bits >= 8 ? sample >> (bits - 8) : sample * 255 / ((1 << bits) - 1));
                row.put(grey).put(grey).put(grey);
            }
            return;
        }
        for (int pixel : image.getRGB(0, y, width, 1, null, 0, width)) { // 0xAARRGGBB: alpha is dropped
            row.put((byte) (pixel >> 16)).put((byte) (pixel >> 8)).put((byte) pixel);
        }
    }

    /** HEADER and END go out 3 times: no retransmission, so redundancy up front. */
    private static void repeat(DatagramSocket socket, InetSocketAddress receiver, byte[] datagram) throws IOException {
        for (int i = 0; i < StreamWire.REPEATS; i++) {
            socket.send(new DatagramPacket(datagram, datagram.length, receiver));
        }
    }

    /** Parks until {@code deadline} (a System.nanoTime() value); parkNanos may wake early, so it loops. */
    private static void waitUntil(long deadline) {
        // TODO(US-12): LockSupport.parkNanos(deadline - now) in a loop, since it may wake early.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-stream.md");
    }
}
