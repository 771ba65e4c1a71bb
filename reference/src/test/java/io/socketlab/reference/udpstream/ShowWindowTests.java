package io.socketlab.reference.udpstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.reference.ForkedProgram;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --show}: a window on a virtual X display (Xvfb), and no crash where there is no display at all. */
class ShowWindowTests {

    private static final int RED = 0xFF0000;
    private static final int GREEN = 0x00FF00;

    @TempDir
    Path work;

    @Test
    void paintsTheFrameInAWindow() throws Exception {
        assumeTrue(onPath("Xvfb"), "Xvfb not installed: --show test skipped");
        int display = freeDisplayNumber();
        Process xvfb = new ProcessBuilder("Xvfb", ":" + display, "-screen", "0", "1024x768x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(Path.of("/tmp/.X11-unix/X" + display)));
            Path image = twoColourImage(work.resolve("image.png"));

            try (ForkedProgram receiver = streamTo(Map.of("DISPLAY", ":" + display), image)) {
                assertThat(receiver.stderr()).doesNotContain("--show");
                assertThat(receiver.isAlive()).isTrue();
                if (onPath("import")) {
                    // The window paints asynchronously: look again until both colours show.
                    Path shot = work.resolve("screen.png");
                    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                            .until(() -> screenshot(display, shot) && count(shot, RED) >= 3000 && count(shot, GREEN) >= 3000);
                }
            }
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void goesOnWithoutAWindowWhereThereIsNoDisplay() throws Exception {
        Path image = twoColourImage(work.resolve("image.png"));

        try (ForkedProgram receiver = streamTo(Map.of(), image)) {
            assertThat(receiver.stderr()).contains("--show");
            assertThat(receiver.isAlive()).isTrue();
        }
    }

    /** Starts a receiver with {@code --show}, streams {@code image} to it, and waits for its FRAME line. */
    private ForkedProgram streamTo(Map<String, String> env, Path image) throws Exception {
        int port = ForkedProgram.freeUdpPort();
        ForkedProgram receiver = ForkedProgram.start(work.resolve("logs"), UdpStreamServer.class, env,
                "--port", String.valueOf(port), "--out", work.resolve("out").toString(), "--show",
                "--log-level", "udpstream.UdpStreamServer=INFO"); // its "listening" record says it is ready
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.stderr().contains("listening"));
            ForkedProgram sender = ForkedProgram.run(work.resolve("logs"), UdpStreamClient.class,
                    "--port", String.valueOf(port), image.toString(), "--frame", "5", "--rows-per-second", "2000");
            assertThat(sender.exitCode()).as(sender.stderr()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.stdout().contains("FRAME 5 100/100\n"));
            UdpStreamTests.assertSamePixels(work.resolve("out/frame-5.png"), image);
            return receiver;
        } catch (Exception | Error e) {
            receiver.close();
            throw e;
        }
    }

    /** 200×100: red on top, green below. */
    private static Path twoColourImage(Path file) throws IOException {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                image.setRGB(x, y, y < 50 ? RED : GREEN);
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static boolean screenshot(int display, Path file) throws IOException, InterruptedException {
        Process shot = new ProcessBuilder("import", "-display", ":" + display, "-window", "root", "png:" + file)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!shot.waitFor(20, TimeUnit.SECONDS)) {
            shot.destroyForcibly();
            return false;
        }
        return shot.exitValue() == 0;
    }

    private static int count(Path screenshot, int rgb) throws IOException {
        BufferedImage image = ImageIO.read(screenshot.toFile());
        int found = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                found += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return found;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** A display number with neither a lock file nor a socket: no X server uses it. */
    private static int freeDisplayNumber() {
        for (int n = 90 + (int) (ProcessHandle.current().pid() % 100); ; n++) {
            if (!Files.exists(Path.of("/tmp/.X" + n + "-lock")) && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                return n;
            }
        }
    }
}
