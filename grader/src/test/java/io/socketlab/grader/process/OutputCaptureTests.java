package io.socketlab.grader.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OutputCaptureTests {

    private static final long GENEROUS_MILLIS = 10_000;

    @Test
    void keepsEverythingWhenLessThanTheHeadLimitArrives() throws InterruptedException {
        OutputCapture capture = drained(stream("hello\n"), 100, 100);

        assertThat(capture.text()).isEqualTo("hello\n");
        assertThat(capture.truncated()).isFalse();
        assertThat(capture.totalBytes()).isEqualTo(6);
    }

    @Test
    void keepsTheHeadWholeAndCountsEveryByteWhenMoreArrives() throws InterruptedException {
        OutputCapture capture = drained(stream("0123456789" + "x".repeat(90)), 10, 5);

        assertThat(capture.bytes()).isEqualTo("0123456789".getBytes(StandardCharsets.US_ASCII));
        assertThat(capture.truncated()).isTrue();
        assertThat(capture.totalBytes()).isEqualTo(100);
    }

    @Test
    void keepsOnlyTheTailLimitOfWhatComesAfterTheHead() throws InterruptedException {
        // One byte per read, as a slow program writes: the tail is trimmed as it goes.
        OutputCapture capture = drained(oneByteAtATime(stream("HEAD-" + "middle".repeat(50) + "END!!")), 5, 5);

        assertThat(capture.tailText(1000)).isEqualTo("HEAD-END!!");
        assertThat(capture.tailText(4)).isEqualTo("...ND!!");
    }

    @Test
    void timestampsEachLineAndLabelsItWithTheStream() throws InterruptedException {
        OutputCapture capture = drained(stream("first\nsecond\n"), 1000, 1000);

        List<String> lines = capture.timestampedLines().lines().toList();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("out \\[ *\\d+\\.\\d{3}s] first");
        assertThat(lines.get(1)).matches("out \\[ *\\d+\\.\\d{3}s] second");
    }

    @Test
    void endsALastLineThatHasNoLineFeed() throws InterruptedException {
        OutputCapture capture = drained(stream("done\nno newline"), 1000, 1000);

        assertThat(capture.timestampedLines().lines()).hasSize(2).last().asString().endsWith("] no newline");
    }

    @Test
    void cutsAVeryLongLineToFiveHundredCharacters() throws InterruptedException {
        OutputCapture capture = drained(stream("z".repeat(2000) + "\n"), 4000, 1000);

        String line = capture.timestampedLines().strip();

        assertThat(line.substring(line.indexOf("] ") + 2)).isEqualTo("z".repeat(500));
    }

    @Test
    void keepsTheFirstAndLastTwoHundredLinesAndMarksHowManyWereLeftOut() throws InterruptedException {
        String text = IntStream.rangeClosed(1, 450).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
        OutputCapture capture = drained(stream(text), 100_000, 100_000);

        List<String> lines = capture.timestampedLines().lines().toList();

        assertThat(lines).hasSize(401);
        assertThat(lines.get(0)).endsWith("] line 1");
        assertThat(lines.get(199)).endsWith("] line 200");
        assertThat(lines.get(200)).isEqualTo("out ... 50 lines left out ...");
        assertThat(lines.get(201)).endsWith("] line 251");
        assertThat(lines.get(400)).endsWith("] line 450");
    }

    @Test
    void awaitTextWakesUpWhenTheTextArrives() throws Exception {
        PipedOutputStream program = new PipedOutputStream();
        OutputCapture capture = new OutputCapture("out", new PipedInputStream(program, 1024), 1000, 1000, System.nanoTime());
        CountDownLatch firstLook = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = program) {
                out.write("starting\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                // Only once awaitText has seen the text without READY, so it must really wait for it.
                firstLook.await(GENEROUS_MILLIS, TimeUnit.MILLISECONDS);
                out.write("READY\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        boolean ready = capture.awaitText(text -> {
            firstLook.countDown();
            return text.contains("READY");
        }, GENEROUS_MILLIS);

        assertThat(ready).isTrue();
        assertThat(capture.text()).isEqualTo("starting\nREADY\n");
        writer.get(GENEROUS_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Test
    void awaitTextGivesUpAtItsDeadline() throws Exception {
        try (PipedOutputStream silent = new PipedOutputStream()) {
            OutputCapture capture = new OutputCapture("err", new PipedInputStream(silent), 1000, 1000, System.nanoTime());

            assertThat(capture.awaitText(text -> text.contains("READY"), 100)).isFalse();
        }
    }

    @Test
    @Timeout(10)
    void awaitTextGivesUpAtOnceWhenTheStreamHasEnded() throws InterruptedException {
        OutputCapture capture = drained(stream("bye\n"), 100, 100);

        assertThat(capture.awaitText(text -> text.contains("READY"), 60_000)).isFalse();
    }

    @Test
    void holdsABoundedAmountHoweverMuchAProgramWritesAndHoweverLongItsLines() throws InterruptedException {
        // 16 MiB as a hostile client prints it: random bytes, 64 KiB runs without a newline, floods of short lines.
        long size = 16L << 20;
        java.util.Random random = new java.util.Random(7);
        InputStream junk = new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ < size ? random.nextInt(256) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - sent);
                long block = sent / (64 << 10);
                if (block % 3 == 0) {
                    byte[] noise = new byte[n];
                    random.nextBytes(noise);
                    System.arraycopy(noise, 0, b, off, n);
                } else {
                    java.util.Arrays.fill(b, off, off + n, block % 3 == 1 ? (byte) 'A' : (byte) '\n');
                }
                sent += n;
                return n;
            }
        };

        OutputCapture capture = drained(junk, 1 << 20, 64 << 10);

        assertThat(capture.totalBytes()).isEqualTo(size);
        assertThat(capture.retainedBytes()).isLessThanOrEqualTo(capture.bound());
        assertThat(capture.bound()).as("head, tail and 400 lines of at most 500 bytes")
                .isLessThan((1 << 20) + (64 << 10) + (256 << 10));
        assertThat(capture.bytes()).hasSize(1 << 20);
    }

    private static OutputCapture drained(InputStream stream, int headLimit, int tailLimit) throws InterruptedException {
        OutputCapture capture = new OutputCapture("out", stream, headLimit, tailLimit, System.nanoTime());
        assertThat(capture.awaitEnd(GENEROUS_MILLIS)).as("the stream is drained").isTrue();
        return capture;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream oneByteAtATime(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(1, len));
            }
        };
    }
}
