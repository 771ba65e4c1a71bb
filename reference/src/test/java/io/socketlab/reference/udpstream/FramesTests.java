package io.socketlab.reference.udpstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver's assembly, datagram by datagram, without sockets. */
class FramesTests {

    private static final int WIDTH = 4;
    private static final int HEIGHT = 6;

    @TempDir
    Path dir;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void concealsMissingRowsKeepsEarlyRowsAndWritesOnEnd() throws IOException {
        Frames frames = new Frames(dir, FrameView.NONE, timer);
        frames.receive(row(1, 2, WIDTH)); // before the HEADER: kept
        frames.receive(row(1, 3, WIDTH + 1)); // before the HEADER, another width: dropped with it
        frames.receive(row(1, 9, WIDTH)); // beyond the height: dropped with it
        frames.receive(header(1));
        frames.receive(row(1, 4, WIDTH));
        frames.receive(row(1, 4, WIDTH)); // a duplicate
        frames.receive(ByteBuffer.wrap(new byte[] {StreamWire.END, 0, 0, 0}));  // truncated END
        frames.receive(end(1));

        BufferedImage image = ImageIO.read(dir.resolve("frame-1.png").toFile());
        int[] expectedSourceRow = {-1, -1, 2, 2, 4, 4}; // -1: black
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int expected = expectedSourceRow[y] < 0 ? 0 : color(x, expectedSourceRow[y]);
                assertThat(image.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(expected);
            }
        }
    }

    @Test
    void writesAFrameWithoutEndTwoSecondsAfterItsLastDatagramAndIgnoresItAfterwards() throws IOException {
        Frames frames = new Frames(dir, FrameView.NONE, timer);
        frames.receive(header(7));
        frames.receive(row(7, 0, WIDTH));
        long lastDatagram = System.nanoTime();
        Path file = dir.resolve("frame-7.png");

        await().atMost(Duration.ofSeconds(6)).until(() -> Files.exists(file));
        assertThat(System.nanoTime() - lastDatagram).isGreaterThanOrEqualTo(Frames.IDLE_NANOS);
        byte[] written = Files.readAllBytes(file);
        frames.receive(row(7, 1, WIDTH));
        frames.receive(end(7));
        assertThat(file).hasBinaryContent(written);
    }

    @Test
    void dropsAFrameWhoseHeaderNeverCame() throws IOException {
        Frames frames = new Frames(dir, FrameView.NONE, timer);
        frames.receive(row(8, 0, WIDTH));
        frames.receive(end(8));
        frames.receive(header(9)); // another frame, which does arrive
        frames.receive(end(9));

        assertThat(dir.resolve("frame-9.png")).exists();
        assertThat(dir.resolve("frame-8.png")).doesNotExist();
    }

    static ByteBuffer header(long frame) {
        return ByteBuffer.allocate(9).put(StreamWire.HEADER).putInt((int) frame)
                .putShort((short) WIDTH).putShort((short) HEIGHT).flip();
    }

    static ByteBuffer end(long frame) {
        return ByteBuffer.allocate(5).put(StreamWire.END).putInt((int) frame).flip();
    }

    /** Row {@code y} of {@code width} pixels, coloured by {@link #color}. */
    static ByteBuffer row(long frame, int y, int width) {
        ByteBuffer row = ByteBuffer.allocate(7 + 3 * width).put(StreamWire.ROW).putInt((int) frame).putShort((short) y);
        for (int x = 0; x < width; x++) {
            int rgb = color(x, y);
            row.put((byte) (rgb >> 16)).put((byte) (rgb >> 8)).put((byte) rgb);
        }
        return row.flip();
    }

    static int color(int x, int y) {
        return (40 * y + 10) << 16 | (60 * x + 5) << 8 | 200;
    }
}
