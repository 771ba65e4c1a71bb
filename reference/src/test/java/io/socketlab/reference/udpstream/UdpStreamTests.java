package io.socketlab.reference.udpstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketlab.reference.ForkedProgram;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference sender streams images to the reference receiver, each in its own JVM, over loopback. */
class UdpStreamTests {

    @TempDir
    static Path work;
    private static ForkedProgram receiver;
    private static int port;

    @BeforeAll
    static void startReceiver() throws IOException {
        port = ForkedProgram.freeUdpPort();
        receiver = ForkedProgram.start(work.resolve("logs"), UdpStreamServer.class, Map.of(),
                "--port", String.valueOf(port), "--out", work.resolve("out").toString(),
                "--log-level", "udpstream.UdpStreamServer=INFO"); // its "listening" record says it is ready
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.stderr().contains("listening"));
    }

    @AfterAll
    static void stopReceiver() throws InterruptedException {
        receiver.close();
    }

    @Test
    void streamsAnImageExactlyUnderALargeFrameNumber() throws Exception {
        Path image = writeImage(work.resolve("small.png"), 16, 8);

        ForkedProgram sender = ForkedProgram.run(work.resolve("logs"), UdpStreamClient.class,
                "--port", String.valueOf(port), image.toString(), "--frame", "4294967295", "--rows-per-second", "0");

        assertThat(sender.exitCode()).as(sender.stderr()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.stdout().contains("FRAME 4294967295 8/8\n"));
        assertSamePixels(work.resolve("out/frame-4294967295.png"), image);
    }

    @Test
    void refusesAnImageWiderThan480AndAFileThatIsNoImage() throws Exception {
        Path wide = writeImage(work.resolve("wide.png"), 481, 2);
        ForkedProgram tooWide = ForkedProgram.run(work.resolve("logs"), UdpStreamClient.class,
                "--port", String.valueOf(port), wide.toString());
        assertThat(tooWide.exitCode()).isEqualTo(2);
        assertThat(tooWide.stderr().lines()).hasSize(1);

        ForkedProgram missing = ForkedProgram.run(work.resolve("logs"), UdpStreamClient.class,
                "--port", String.valueOf(port), work.resolve("missing.png").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr().lines()).hasSize(1);
    }

    /** A PNG whose every pixel differs from its neighbours, so that a misplaced row shows. */
    static Path writeImage(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 13 & 0xFF) << 16 | (y * 29 & 0xFF) << 8 | (x + y) * 7 & 0xFF);
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    static void assertSamePixels(Path actualFile, Path expectedFile) throws IOException {
        BufferedImage actual = ImageIO.read(actualFile.toFile());
        BufferedImage expected = ImageIO.read(expectedFile.toFile());
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(actual.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y));
            }
        }
    }
}
