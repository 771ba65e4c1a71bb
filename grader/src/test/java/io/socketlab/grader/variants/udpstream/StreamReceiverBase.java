package io.socketlab.grader.variants.udpstream;

import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Correct udp-stream receiver (one thread: receive with a short timeout, write frames idle for 2 s); each broken
 * variant overrides exactly one of the package-private hooks below.
 */
abstract class StreamReceiverBase {

    static final long IDLE_NANOS = 2_000_000_000L;

    /** One frame being assembled; {@code width == 0} until its HEADER arrives. */
    static final class Frame {
        int width;
        int height;
        final Map<Integer, byte[]> rows = new HashMap<>();
        int duplicates;
        long lastNanos;
    }

    private final Map<Long, Frame> frames = new HashMap<>();
    private final Set<Long> written = new HashSet<>();
    private Path out;
    /** When any datagram last arrived (only a broken variant's idle rule uses it). */
    long lastDatagramNanos;

    final void run(String[] argv) throws IOException {
        Args args = VariantSupport.parse(argv, Set.of("--port", "--host", "--out"), Set.of("--show"));
        int port = args.port();
        String folder = args.get("--out", null);
        if (folder == null) {
            VariantSupport.die(2, "usage error: --out DIR is required");
        }
        try {
            out = Files.createDirectories(Path.of(folder).toAbsolutePath());
        } catch (IOException e) {
            VariantSupport.die(2, "cannot write frames to " + folder + ": " + e);
        }
        String host = args.get("--host", null);
        DatagramSocket bound = null;
        try {
            bound = new DatagramSocket(host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port));
        } catch (IOException e) {
            VariantSupport.die(2, "cannot bind port " + port + ": " + e.getMessage());
        }
        VariantSupport.exitZeroOnSigterm();
        try (DatagramSocket socket = bound) {
            socket.setReceiveBufferSize(1 << 21);
            socket.setSoTimeout(100);
            byte[] buffer = new byte[65_535];
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                    handle(ByteBuffer.wrap(packet.getData(), 0, packet.getLength()).slice());
                } catch (SocketTimeoutException e) {
                    // no datagram: only the idle check below
                }
                writeIdleFrames();
            }
        }
    }

    private void handle(ByteBuffer in) throws IOException {
        int length = in.remaining();
        lastDatagramNanos = System.nanoTime();
        if (tooShort(length)) {
            return;
        }
        int type = in.get() & 0xFF;
        long number = Integer.toUnsignedLong(in.getInt());
        if (alreadyWritten(number)) {
            return;
        }
        if (type == 0x01 && length == 9) {
            int width = in.getShort() & 0xFFFF;
            int height = in.getShort() & 0xFFFF;
            if (width >= 1 && width <= 480 && height >= 1) {
                Frame frame = touch(number);
                if (frame.width == 0) {
                    frame.width = width;
                    frame.height = height;
                    frame.rows.entrySet().removeIf(e -> e.getKey() >= height || e.getValue().length != 3 * width);
                }
            }
        } else if (type == 0x02 && length >= 7 && (length - 7) % 3 == 0 && length > 7) {
            int y = in.getShort() & 0xFFFF;
            byte[] rgb = new byte[length - 7];
            in.get(rgb);
            Frame frame = frames.get(number);
            if (frame == null && !keepsRowsBeforeHeader()) {
                return;
            }
            frame = touch(number);
            if (frame.width == 0 ? rgb.length <= 3 * 480 && keepsRowsBeforeHeader()
                    : y < frame.height && rgb.length == 3 * frame.width) {
                if (frame.rows.put(y, rgb) != null) {
                    frame.duplicates++;
                }
            }
        } else if (type == 0x03 && length == 5) {
            Frame frame = touch(number);
            if (frame.width > 0 && writesOnEnd()) {
                write(number, frame);
            }
        }
    }

    /** The frame's state, created on its first datagram; every datagram restarts its idle clock. */
    private Frame touch(long number) {
        if (!frames.containsKey(number)) {
            beforeNewFrame(frames);
        }
        Frame frame = frames.computeIfAbsent(number, n -> new Frame());
        frame.lastNanos = System.nanoTime();
        return frame;
    }

    private void writeIdleFrames() throws IOException {
        long now = System.nanoTime();
        Iterator<Map.Entry<Long, Frame>> it = frames.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Frame> e = it.next();
            if (writesWhenIdle() && now - idleSince(e.getValue()) >= IDLE_NANOS) {
                it.remove();
                if (e.getValue().width > 0) {
                    write(e.getKey(), e.getValue());
                }
            }
        }
    }

    private void write(long number, Frame frame) throws IOException {
        BufferedImage image = new BufferedImage(frame.width, frame.height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < frame.height; y++) {
            byte[] rgb = frame.rows.get(y);
            Integer source = rgb != null ? Integer.valueOf(y) : concealWith(frame, y);
            if (source == null) {
                continue;
            }
            byte[] pixels = frame.rows.get(source);
            for (int x = 0; x < frame.width; x++) {
                image.setRGB(x, y, (pixels[3 * x] & 0xFF) << 16 | (pixels[3 * x + 1] & 0xFF) << 8 | pixels[3 * x + 2] & 0xFF);
            }
        }
        Path temp = out.resolve(".frame-" + number + ".png.tmp");
        ImageIO.write(image, "png", temp.toFile());
        Files.move(temp, out.resolve("frame-" + number + ".png"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        frames.remove(number);
        rememberWritten(number);
        System.out.println("FRAME " + decimal(number) + " " + received(frame) + "/" + frame.height);
        System.out.flush();
    }

    /** Whether {@code number} was written already: its datagrams are then late, and ignored. */
    boolean alreadyWritten(long number) {
        return written.contains(number);
    }

    void rememberWritten(long number) {
        written.add(number);
    }

    /** Called before a datagram of a frame number not yet being assembled starts its state. */
    void beforeNewFrame(Map<Long, Frame> frames) {
    }

    /** The frame number as the FRAME line shows it: unsigned decimal. */
    String decimal(long number) {
        return Long.toString(number);
    }

    /** Datagrams too short for any type are ignored. */
    boolean tooShort(int length) {
        return length < 5;
    }

    /** The row a missing row {@code y} is copied from: the nearest received row above, or null for black. */
    Integer concealWith(Frame frame, int y) {
        for (int above = y - 1; above >= 0; above--) {
            if (frame.rows.containsKey(above)) {
                return above;
            }
        }
        return null;
    }

    /** Distinct rows received. */
    int received(Frame frame) {
        return frame.rows.size();
    }

    /** When the frame's idle clock started: its own last datagram. */
    long idleSince(Frame frame) {
        return frame.lastNanos;
    }

    boolean keepsRowsBeforeHeader() {
        return true;
    }

    boolean writesOnEnd() {
        return true;
    }

    boolean writesWhenIdle() {
        return true;
    }
}
