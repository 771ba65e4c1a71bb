package io.socketlab.grader.suites.udpstream;

import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.DatagramProbe;
import io.socketlab.grader.process.RunningProgram;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** What the receiver shows for a frame: its {@code FRAME F r/h} line on stdout and its {@code DIR/frame-F.png}. */
final class ReceiverOutput {

    /**
     * Gap between two datagrams the grader sends: a stream of wide rows sent back to back could overflow the
     * receiver's socket buffer on a loaded machine and lose rows the test counts as delivered.
     */
    private static final long PACE_NANOS = 250_000;

    /** A {@code FRAME} line: the counts it printed, and when the grader saw it ({@link System#nanoTime()}). */
    record FrameLine(long frame, int received, int height, long seenAtNanos) {
    }

    private ReceiverOutput() {
    }

    /**
     * The longest the grader may pause between two datagrams of one stream: beyond it the receiver's 2-second idle
     * timer could fire in the middle of the stream, through no fault of the receiver.
     */
    private static final long STALL_NANOS = 1_000_000_000L;

    /**
     * Sends the datagrams in order, paced; returns when the last one was about to leave ({@link System#nanoTime()}).
     * Taken before that send, the time is never later than the datagram: a grader paused just after it cannot make
     * a receiver's 2 idle seconds look shorter than they were.
     */
    static long send(DatagramProbe udp, List<byte[]> datagrams) throws IOException {
        long previous = 0;
        long lastAt = System.nanoTime();
        for (int i = 0; i < datagrams.size(); i++) {
            if (i > 0) {
                LockSupport.parkNanos(PACE_NANOS);
            }
            lastAt = System.nanoTime();
            udp.send(datagrams.get(i));
            previous = expectNoStall(previous, STALL_NANOS);
        }
        return lastAt;
    }

    /**
     * Fails as a harness error (retried, never charged to the student) when the grader itself paused longer than
     * {@code limitNanos} since {@code previous} (a loaded machine); returns now.
     */
    static long expectNoStall(long previous, long limitNanos) {
        long now = System.nanoTime();
        if (previous != 0 && now - previous > limitNanos) {
            throw new HarnessException(Text.format(
                    "the grader paused %.1f s between two datagrams of one stream (machine overloaded)",
                    "el evaluador se detuvo %.1f s entre dos datagramas de un flujo (máquina sobrecargada)",
                    (now - previous) / 1e9));
        }
        return now;
    }

    private static Pattern linePattern(long frame) {
        return Pattern.compile("(?m)^FRAME " + frame + " (\\d+)/(\\d+)\\r?$");
    }

    /** How many {@code FRAME F ...} lines the receiver has printed so far. */
    static int frameLines(ServerUnderTest server, long frame) {
        Matcher m = linePattern(frame).matcher(server.program().stdout().text());
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** Waits for the receiver's {@code FRAME F r/h} line; fails if it does not come within {@code within}. */
    static FrameLine awaitFrameLine(ServerUnderTest server, long frame, Duration within, Text step) throws InterruptedException {
        // A receiver that already died is a crash: server.program() would quietly start a fresh one.
        server.expectAlive(step);
        RunningProgram program = server.program();
        Pattern pattern = linePattern(frame);
        boolean seen = program.stdout().awaitText(text -> pattern.matcher(text).find(), within.toMillis());
        long seenAt = System.nanoTime();
        server.expectAlive(step);
        if (!seen) {
            String tail = program.stdout().tailText(300).strip();
            Text shown = tail.isEmpty() ? Text.of("nothing on stdout", "nada en stdout")
                    : Text.format("stdout ending %s", "stdout terminando en %s", Bytes.quote(tail));
            throw ConformanceFailure.timeout(step, Text.format("a line \"FRAME %d <received>/<height>\" on stdout",
                            "una línea \"FRAME %d <recibidas>/<altura>\" en stdout", frame),
                    Text.format("%s after %s", "%s tras %s", shown, ConformanceFailure.seconds(within)));
        }
        Matcher m = pattern.matcher(program.stdout().text());
        m.find();
        return new FrameLine(frame, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), seenAt);
    }

    /** What the grader keeps sending while it waits for a FRAME line: the {@code n}-th datagram(s), or false when done. */
    @FunctionalInterface
    interface Meanwhile {
        boolean send(int n) throws IOException;
    }

    /**
     * Waits until {@code deadlineNanos} for {@code FRAME F}'s line, calling {@code meanwhile} every {@code period}
     * until it says it is done (to keep another stream going while the receiver decides); returns when the line was
     * seen ({@link System#nanoTime()}), or 0 if it did not come. A grader paused for more than a second between two
     * sends (a loaded machine) is a harness error: the receiver's timers would have seen a silence the test never
     * meant.
     */
    static long awaitFrameLineWhile(ServerUnderTest server, long frame, long deadlineNanos, Duration period,
                                    Meanwhile meanwhile, Text step) throws IOException, InterruptedException {
        Pattern pattern = linePattern(frame);
        boolean sending = true;
        long previous = System.nanoTime();
        for (int n = 0; System.nanoTime() < deadlineNanos; n++) {
            server.expectAlive(step);
            long wait = Math.min(period.toMillis(), Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
            if (server.program().stdout().awaitText(text -> pattern.matcher(text).find(), wait)) {
                return System.nanoTime();
            }
            if (sending) {
                previous = expectNoStall(previous, STALL_NANOS);
                sending = meanwhile.send(n);
            }
        }
        server.expectAlive(step);
        return 0;
    }

    /** Fails unless the FRAME line says {@code received}/{@code height}. */
    static void expectCounts(FrameLine line, int received, int height, Text step) {
        if (line.received() != received || line.height() != height) {
            String got = "FRAME " + line.frame() + " " + line.received() + "/" + line.height();
            throw ConformanceFailure.wrongOutput(step,
                    Text.same(Bytes.quote("FRAME " + line.frame() + " " + received + "/" + height)),
                    Text.same(Bytes.quote(got)));
        }
    }

    static Path frameFile(ServerUnderTest server, long frame) {
        return server.dataDir().resolve("frame-" + frame + ".png");
    }

    /**
     * Waits until {@code DIR/frame-F.png} exists and decodes as a whole PNG: the contract does not say the file
     * appears atomically, so a half-written file is read again until the deadline.
     */
    static BufferedImage awaitPng(ServerUnderTest server, long frame, Duration within, Text step) {
        Path file = frameFile(server, frame);
        AtomicReference<PngAttempt> last = new AtomicReference<>();
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .atMost(within).until(() -> {
                        last.set(PngAttempt.read(file));
                        return last.get().image() != null;
                    });
        } catch (ConditionTimeoutException e) {
            throw ConformanceFailure.integrity(step, Text.format("a PNG file %s in --out", "un fichero PNG %s en --out",
                            server.dataDir().relativize(file)),
                    last.get() == null ? Text.of("no such file", "no existe el fichero") : last.get().problem());
        }
        server.attachImage(Text.of("frame-" + frame + ".png as the receiver wrote it",
                "frame-" + frame + ".png tal como lo escribió el receptor"), last.get().png());
        return last.get().image();
    }

    /** One reading of a frame's file: the decoded image, or what was wrong with the file. */
    private record PngAttempt(BufferedImage image, byte[] png, Text problem) {

        static PngAttempt read(Path file) {
            if (!Files.isRegularFile(file)) {
                return new PngAttempt(null, null, Text.of("no such file", "no existe el fichero"));
            }
            try {
                byte[] png = Files.readAllBytes(file);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
                return image != null ? new PngAttempt(image, png, null) : new PngAttempt(null, null,
                        Text.of("a file that is not a PNG image", "un fichero que no es una imagen PNG"));
            } catch (IOException | RuntimeException e) {
                return new PngAttempt(null, null, Text.of("a file that does not decode as PNG (" + e.getMessage() + ")",
                        "un fichero que no se decodifica como PNG (" + e.getMessage() + ")"));
            }
        }
    }

    /** The whole check of a frame: its FRAME line with the right counts, then its file with the right pixels. */
    static FrameLine expectFrame(ServerUnderTest server, long frame, TestImage image, int[] sources, int received,
                                 Duration within) throws InterruptedException {
        FrameLine line = awaitFrameLine(server, frame, within,
                Text.of("waiting for FRAME " + frame, "esperando FRAME " + frame));
        expectCounts(line, received, image.height, Text.of("the FRAME line of frame " + frame,
                "la línea FRAME del fotograma " + frame));
        BufferedImage png = awaitPng(server, frame, server.timeouts().seconds(5),
                Text.of("reading frame-" + frame + ".png", "leyendo frame-" + frame + ".png"));
        image.expectFrame(png, sources, Text.of("the pixels of frame-" + frame + ".png",
                "los píxeles de frame-" + frame + ".png"));
        return line;
    }
}
