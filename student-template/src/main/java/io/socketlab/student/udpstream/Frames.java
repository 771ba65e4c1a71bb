package io.socketlab.student.udpstream;

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

    private static final Logger LOG = Logger.getLogger(Frames.class.getName());

    /** US-5: a frame without END is written this long after its last datagram. */
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** Garbage with random frame numbers must not fill the memory: more frames than this at once are ignored. */
    private static final int MAX_OPEN_FRAMES = 256;
    /** US-9: how many written frame numbers are remembered, so that their late datagrams are ignored. */
    private static final int REMEMBERED_FRAMES = 65_536;

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
        // TODO(US-8): read type and frame (u32: Integer.toUnsignedLong); HEADER is exactly 9 bytes with width
        //   1..480 and height >= 1, ROW is 7 bytes plus 1..480 whole pixels, END exactly 5 bytes; else ignore (null).
        // TODO(US-9): ignore every datagram of a frame number in `written`.
        // TODO: find or create the Frame (at most MAX_OPEN_FRAMES open; a new one gets scheduleCheck(frame, IDLE_NANOS));
        //   frame.heard(), then header(...) / row(...) / end(); show new rows through view.row(...).
        // TODO(US-1): once the frame has both END and HEADER, return close(frame) (the caller writes it).
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-stream.md");
    }

    /** US-5, US-6: looks at {@code frame} again once it may have been idle for 2 s. */
    private void scheduleCheck(Frame frame, long delayNanos) {
        timer.schedule(() -> checkIdle(frame), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkIdle(Frame frame) {
        // TODO(US-5): under the lock: a frame no longer open was written: stop. Idle less than IDLE_NANOS since
        //   lastHeardNanos(): scheduleCheck for the rest of the 2 s.
        // TODO(US-6): idle 2 s without a HEADER: remove it, no FRAME line.
        // TODO(US-5): idle 2 s with a HEADER: close(frame), then (outside the lock) write(frame).
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-stream.md");
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
        // TODO(US-1): ImageIO.write(frame.conceal(), "png", ...) to a temporary file in dir, then Files.move
        //   it to dir/frame-<F>.png (ATOMIC_MOVE, REPLACE_EXISTING); never leave the temporary file behind.
        // TODO(US-3): print "FRAME <F> <received>/<height>" and flush.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-stream.md");
    }

    private static boolean validSize(short width, short height) {
        return validWidth(3 * Short.toUnsignedInt(width)) && height != 0;
    }

    /** Whether {@code rgbBytes} are 1 to 480 whole pixels. */
    private static boolean validWidth(int rgbBytes) {
        return rgbBytes % 3 == 0 && rgbBytes > 0 && rgbBytes / 3 <= StreamWire.MAX_WIDTH;
    }
}
