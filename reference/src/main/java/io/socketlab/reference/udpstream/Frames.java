package io.socketlab.reference.udpstream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

/**
 * Every frame being assembled, and the frames already written. Datagrams come from the receiving
 * thread and idle checks from a timer thread, so the state is guarded by this object's lock; the
 * slow part, encoding and writing a PNG, happens outside it.
 */
final class Frames {

    /** US-5: a frame without END is written this long after its last datagram. */
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** Garbage with random frame numbers must not fill the memory: more frames than this at once are ignored. */
    private static final int MAX_OPEN_FRAMES = 256;
    /** US-9: how many written frame numbers are remembered, so that their late datagrams are ignored. */
    private static final int REMEMBERED_FRAMES = 65_536;
    private static final Logger LOG = Logger.getLogger(Frames.class.getName());

    private final Path dir;
    private final FrameView view;
    private final ScheduledExecutorService timer;
    private final Map<Long, Frame> open = new HashMap<>();
    private final Set<Long> written = new LinkedHashSet<>();

    Frames(Path dir, FrameView view, ScheduledExecutorService timer) {
        this.dir = dir;
        this.view = view;
        this.timer = timer;
    }

    /** Takes in one datagram; anything malformed is ignored (US-8). */
    void receive(ByteBuffer datagram) throws IOException {
        Frame complete;
        synchronized (this) {
            complete = take(datagram);
        }
        if (complete != null) {
            write(complete);
        }
    }

    /** Returns the frame this datagram completes, if any. */
    private Frame take(ByteBuffer datagram) {
        if (datagram.remaining() < StreamWire.END_BYTES) {
            return null;
        }
        byte type = datagram.get();
        long number = Integer.toUnsignedLong(datagram.getInt());
        int length = datagram.limit();
        boolean wellFormed = switch (type) {
            case StreamWire.HEADER -> length == StreamWire.HEADER_BYTES && validSize(datagram.getShort(5), datagram.getShort(7));
            case StreamWire.ROW -> length > StreamWire.ROW_HEADER_BYTES && validWidth(length - StreamWire.ROW_HEADER_BYTES);
            case StreamWire.END -> length == StreamWire.END_BYTES;
            default -> false;
        };
        if (!wellFormed || written.contains(number)) {
            LOG.finer(() -> "frame " + number + ": " + (wellFormed ? "a late datagram" : "a malformed datagram")
                    + " of type " + type + ": ignored");
            return null; // US-8; US-9: a late datagram of a written frame
        }
        Frame frame = open.get(number);
        if (frame == null) {
            if (open.size() >= MAX_OPEN_FRAMES) {
                LOG.fine(() -> "frame " + number + ": " + MAX_OPEN_FRAMES + " frames open already: ignored");
                return null;
            }
            LOG.fine(() -> "frame " + number + ": its first datagram");
            frame = new Frame(number);
            open.put(number, frame);
            scheduleCheck(frame, IDLE_NANOS);
        }
        frame.heard();
        switch (type) {
            case StreamWire.HEADER -> {
                int width = Short.toUnsignedInt(datagram.getShort(5));
                int height = Short.toUnsignedInt(datagram.getShort(7));
                frame.header(width, height).forEach((y, rgb) -> view.row(number, width, height, y, rgb));
            }
            case StreamWire.ROW -> {
                int y = Short.toUnsignedInt(datagram.getShort(5));
                byte[] rgb = new byte[length - StreamWire.ROW_HEADER_BYTES];
                datagram.get(StreamWire.ROW_HEADER_BYTES, rgb);
                if (frame.row(y, rgb)) {
                    view.row(number, frame.width(), frame.height(), y, rgb);
                }
            }
            default -> frame.end();
        }
        // US-1: END completes a frame, as soon as its HEADER is known too (the END may overtake it).
        return frame.ended() && frame.hasHeader() ? close(frame) : null;
    }

    /** US-5, US-6: looks at {@code frame} again once it may have been idle for 2 s. */
    private void scheduleCheck(Frame frame, long delayNanos) {
        timer.schedule(() -> checkIdle(frame), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkIdle(Frame frame) {
        Frame complete;
        synchronized (this) {
            if (open.get(frame.number()) != frame) {
                return; // written already
            }
            long idle = System.nanoTime() - frame.lastHeardNanos();
            if (idle < IDLE_NANOS) {
                scheduleCheck(frame, IDLE_NANOS - idle); // heard from since: look again later
                return;
            }
            if (!frame.hasHeader()) {
                LOG.fine(() -> "frame " + frame.number() + ": idle, never had a HEADER: dropped");
                open.remove(frame.number()); // US-6: no HEADER, no size: dropped without a FRAME line
                return;
            }
            LOG.fine(() -> "frame " + frame.number() + ": idle for " + TimeUnit.NANOSECONDS.toSeconds(IDLE_NANOS)
                    + " s: written as it stands");
            complete = close(frame);
        }
        try {
            write(complete);
        } catch (IOException e) {
            LOG.warning(() -> "cannot write frame " + frame.number() + ": " + e);
        }
    }

    /** Takes {@code frame} out of assembly for good: from now on its datagrams are ignored (US-9). */
    private Frame close(Frame frame) {
        open.remove(frame.number());
        written.add(frame.number());
        if (written.size() > REMEMBERED_FRAMES) {
            written.remove(written.iterator().next()); // the oldest
        }
        return frame;
    }

    /** US-1: writes {@code DIR/frame-F.png} atomically, then prints {@code FRAME F received/height}. */
    private void write(Frame frame) throws IOException {
        Path target = dir.resolve("frame-" + frame.number() + ".png");
        Path temp = Files.createTempFile(dir, ".frame-", ".png.tmp");
        try {
            ImageIO.write(frame.conceal(), "png", temp.toFile());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        System.out.println("FRAME " + frame.number() + " " + frame.received() + "/" + frame.height());
        System.out.flush();
    }

    private static boolean validSize(short width, short height) {
        return validWidth(3 * Short.toUnsignedInt(width)) && height != 0;
    }

    /** Whether {@code rgbBytes} are 1 to 480 whole pixels. */
    private static boolean validWidth(int rgbBytes) {
        return rgbBytes % 3 == 0 && rgbBytes > 0 && rgbBytes / 3 <= StreamWire.MAX_WIDTH;
    }
}
