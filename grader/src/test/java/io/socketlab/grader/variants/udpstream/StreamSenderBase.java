package io.socketlab.grader.variants.udpstream;

import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
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
        BufferedImage image = null;
        try {
            image = ImageIO.read(new File(args.positional().get(0)));
        } catch (IOException e) {
            // reported below
        }
        if (image == null) {
            VariantSupport.die(2, "usage error: cannot read image " + args.positional().get(0));
        }
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
                for (int x = 0; x < image.getWidth(); x++) {
                    int p = image.getRGB(x, y);
                    row.put((byte) (p >> 16)).put((byte) (p >> 8)).put((byte) p);
                }
                socket.send(new DatagramPacket(row.array(), row.capacity(), to));
            }
            byte[] end = ByteBuffer.allocate(5).put((byte) 3).putInt((int) frame).array();
            for (int i = 0; i < 3; i++) {
                socket.send(new DatagramPacket(end, 5, to));
            }
        }
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
