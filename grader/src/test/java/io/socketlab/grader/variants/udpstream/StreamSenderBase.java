package io.socketlab.grader.variants.udpstream;

import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import javax.imageio.ImageIO;

/** Correct udp-stream sender; each broken variant overrides exactly one of the package-private hooks below. */
abstract class StreamSenderBase {

    final void run(String[] argv) throws IOException {
        Args args = VariantSupport.parse(argv, Set.of("--port", "--host", "--frame", "--rows-per-second"), Set.of());
        int port = args.port();
        String host = args.get("--host", "127.0.0.1");
        if (args.positional().size() != 1) {
            VariantSupport.die(2, "usage error: IMAGE is required");
        }
        long frame = parseFrame(args.get("--frame", "0"));
        int rate = args.intOption("--rows-per-second", 1000, 0, Integer.MAX_VALUE);
        BufferedImage image = read(args.positional().get(0));
        if (image.getWidth() > 480) {
            VariantSupport.die(2, "usage error: image wider than 480 pixels");
        }
        InetSocketAddress to = new InetSocketAddress(host, port);
        try (DatagramSocket socket = new DatagramSocket()) {
            ByteBuffer header = ByteBuffer.allocate(9).put((byte) 1).putInt((int) frame)
                    .putShort((short) image.getWidth()).putShort((short) image.getHeight());
            for (int i = 0; i < headerCopies(); i++) {
                socket.send(new DatagramPacket(header.array(), 9, to));
            }
            long start = System.nanoTime();
            for (int y = 0; y < image.getHeight(); y++) {
                if (paces() && rate > 0) {
                    LockSupport.parkNanos(start + y * 1_000_000_000L / rate - System.nanoTime());
                }
                ByteBuffer row = ByteBuffer.allocate(7 + 3 * image.getWidth()).put((byte) 2).putInt((int) frame)
                        .putShort((short) y);
                row.put(rgb(image, y));
                socket.send(new DatagramPacket(row.array(), row.capacity(), to));
            }
            byte[] end = ByteBuffer.allocate(5).put((byte) 3).putInt((int) frame).array();
            for (int i = 0; i < 3; i++) {
                socket.send(new DatagramPacket(end, 5, to));
            }
        }
    }

    /** The image, or exit 2 with one line when it is missing or no image. */
    BufferedImage read(String path) throws IOException {
        BufferedImage image = null;
        try {
            image = ImageIO.read(new File(path));
        } catch (IOException e) {
            // reported below
        }
        if (image == null) {
            VariantSupport.die(2, "usage error: cannot read image " + path);
        }
        return image;
    }

    /**
     * Row {@code y} as r g b bytes: getRGB, except for grey images, whose samples it would pass through a gamma curve.
     */
    byte[] rgb(BufferedImage image, int y) {
        byte[] row = new byte[3 * image.getWidth()];
        boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        int bits = image.getColorModel().getComponentSize(0);
        for (int x = 0; x < image.getWidth(); x++) {
            if (grey) {
                int sample = image.getRaster().getSample(x, y, 0);
                row[3 * x] = row[3 * x + 1] = row[3 * x + 2] =
                        (byte) (bits >= 8 ? sample >> (bits - 8) : sample * 255 / ((1 << bits) - 1));
            } else {
                int p = image.getRGB(x, y);
                row[3 * x] = (byte) (p >> 16);
                row[3 * x + 1] = (byte) (p >> 8);
                row[3 * x + 2] = (byte) p;
            }
        }
        return row;
    }

    long parseFrame(String value) {
        try {
            long frame = Long.parseLong(value);
            if (frame >= 0 && frame <= 0xFFFF_FFFFL) {
                return frame;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        VariantSupport.die(2, "usage error: --frame must be 0..4294967295");
        return 0;
    }

    int headerCopies() {
        return 3;
    }

    boolean paces() {
        return true;
    }
}
