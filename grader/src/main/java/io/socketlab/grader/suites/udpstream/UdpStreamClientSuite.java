package io.socketlab.grader.suites.udpstream;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeUdpServer;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.RunsAlone;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeUdpServer;
import io.socketlab.grader.suites.udpstream.StreamDatagrams.Parsed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** The sender against a fake receiver: the datagrams it sends for a PNG, their format, its pacing and usage errors. */
@ExerciseSuite(exercise = "udp-stream", program = Program.CLIENT)
class UdpStreamClientSuite {

    private static final Text STREAM = Text.of("the datagrams the sender sent", "los datagramas que envió el emisor");

    /** What the fake receiver got from one run of the sender. */
    private record Received(List<byte[]> raw, List<Long> atNanos, List<Parsed> parsed) {

        List<Parsed> ofType(int type) {
            return parsed.stream().filter(p -> p.type() == type).toList();
        }

        /** Arrival times of the ROW datagrams. */
        List<Long> rowTimes() {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                if (raw.get(i).length > 0 && raw.get(i)[0] == StreamDatagrams.ROW) {
                    times.add(atNanos.get(i));
                }
            }
            return times;
        }
    }

    /** An 8-bit RGB picture of seeded random colours: what the tests of US-10 to US-13 stream. */
    private static PngPicture rgb(Random random, int width, int height) {
        return PngPicture.random(random, PngPicture.Kind.RGB_8, width, height);
    }

    /** Writes {@code image} as a PNG, runs the sender with it and {@code options}, and collects what arrived. */
    private static Received stream(ClientUnderTest client, PngPicture image, String name, List<String> options)
            throws Exception {
        Path png = Files.write(client.files().resolve(name), image.png());
        FakeUdpServer fake = client.fakeUdpServer(FakeUdpServer.Responder.SILENT);
        List<String> arguments = new ArrayList<>(List.of(png.toString()));
        arguments.addAll(options);
        ClientResult result = client.run(fake.port(), arguments, new byte[0]);
        result.expectExitCode(Text.format("the sender's exit code after streaming %s",
                "el código de salida del emisor tras enviar %s", image.describe()), 0);
        // The sender has exited: what it sent is in the fake's socket buffer; give its thread a moment to read it.
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .atMost(client.timeouts().seconds(1))
                    .until(() -> fake.received().stream().filter(d -> d.length > 0 && d[0] == StreamDatagrams.END).count() >= 3);
        } catch (ConditionTimeoutException e) {
            // Fewer than 3 ENDs: the checks below say what is missing.
        }
        // A sender at full speed outruns a grader the machine leaves unscheduled: what the kernel dropped at the
        // grader's own socket was lost by the grader, never by the sender.
        long dropped = SocketDrops.at(fake.port());
        if (dropped > 0) {
            throw new HarnessException(Text.format("the grader's receiving socket overflowed: the kernel dropped %d"
                    + " datagrams of the sender's stream (machine overloaded)", "el socket de recepción del evaluador se"
                    + " desbordó: el núcleo descartó %d datagramas del flujo del emisor (máquina sobrecargada)", dropped));
        }
        List<byte[]> raw = fake.received();
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            byte[] datagram = raw.get(i);
            Optional<Parsed> p = StreamDatagrams.parse(datagram);
            if (p.isEmpty()) {
                throw ConformanceFailure.wrongOutput(STREAM, Text.of("HEADER (9 bytes), ROW (7 + 3 x width bytes) or END (5 bytes)",
                                "HEADER (9 bytes), ROW (7 + 3 x ancho bytes) o END (5 bytes)"),
                        Text.format("datagram %d of %d bytes: %s", "datagrama %d de %d bytes: %s", i + 1, datagram.length,
                                Bytes.render(datagram)));
            }
            parsed.add(p.get());
        }
        return new Received(raw, fake.receivedAtNanos(), parsed);
    }

    /** The datagrams' descriptions, cut after a dozen. */
    private static Text describe(List<Parsed> datagrams) {
        if (datagrams.isEmpty()) {
            return Text.of("no datagrams", "ningún datagrama");
        }
        String shown = datagrams.stream().limit(12).map(Parsed::describe).collect(Collectors.joining(", "));
        return datagrams.size() <= 12 ? Text.same("[" + shown + "]")
                : Text.format("[%s, ... (%d in all)]", "[%s, ... (%d en total)]", shown, datagrams.size());
    }

    /**
     * Fails unless the stream is HEADER(s), then one ROW per y top to bottom with the picture's bytes, then END(s),
     * all for {@code frame}.
     */
    private static void expectWholeStream(Received received, PngPicture image, long frame) {
        List<Parsed> all = received.parsed();
        for (Parsed p : all) {
            if (p.frame() != frame) {
                throw ConformanceFailure.wrongOutput(STREAM, Text.format("frame=%d (u32) in every datagram",
                        "frame=%d (u32) en cada datagrama", frame), Text.same(p.describe()));
            }
        }
        List<Parsed> headers = received.ofType(StreamDatagrams.HEADER);
        List<Parsed> rows = received.ofType(StreamDatagrams.ROW);
        List<Parsed> ends = received.ofType(StreamDatagrams.END);
        if (headers.isEmpty() || ends.isEmpty()) {
            throw ConformanceFailure.wrongOutput(STREAM, Text.of("HEADER first and END last", "HEADER al principio y END al final"),
                    describe(all));
        }
        for (Parsed h : headers) {
            if (h.width() != image.width || h.height() != image.height) {
                throw ConformanceFailure.wrongOutput(STREAM, Text.same("HEADER frame=" + frame + " " + image.width + "x"
                        + image.height), Text.same(h.describe()));
            }
        }
        List<Integer> types = all.stream().map(Parsed::type).toList();
        int lastRow = types.lastIndexOf(StreamDatagrams.ROW);
        int firstRow = lastRow < 0 ? types.indexOf(StreamDatagrams.END) : types.indexOf(StreamDatagrams.ROW);
        if (types.indexOf(StreamDatagrams.HEADER) > firstRow || types.indexOf(StreamDatagrams.END) < lastRow) {
            throw ConformanceFailure.wrongOutput(STREAM, Text.of("HEADER first, then the ROWs, then END",
                    "primero HEADER, luego las ROW, luego END"), describe(all));
        }
        List<Integer> ys = rows.stream().map(Parsed::y).toList();
        List<Integer> expectedYs = IntStream.range(0, image.height).boxed().toList();
        if (!ys.equals(expectedYs)) {
            throw ConformanceFailure.wrongOutput(STREAM, Text.format("one ROW per y, top to bottom: y = 0..%d",
                            "una ROW por cada y, de arriba abajo: y = 0..%d", image.height - 1),
                    Text.of("ROWs with y = " + ys, "ROW con y = " + ys));
        }
        for (Parsed row : rows) {
            if (!image.accepts(row.y(), row.rgb())) {
                throw ConformanceFailure.integrity(STREAM, Text.format("ROW y=%d of %s: the R, G, B bytes of its pixels,"
                                + " left to right", "ROW y=%d de %s: los bytes R, G, B de sus píxeles, de izquierda a derecha",
                                row.y(), image.describe()),
                        Bytes.describeDifference(image.rowBytes(row.y()), row.rgb()));
            }
        }
    }

    @Baseline
    @Requirement(clause = "US-10", points = 3)
    void streamsASmallImage(ClientUnderTest client, Random random) throws Exception {
        PngPicture image = rgb(random, 16, 8);
        Received received = stream(client, image, "small.png", List.of("--rows-per-second", "0"));
        expectWholeStream(received, image, 0);
    }

    @Requirement(clause = "US-11", points = 1)
    void sendsHeaderAndEndThreeTimes(ClientUnderTest client, Random random) throws Exception {
        PngPicture image = rgb(random, 16, 8);
        Received received = stream(client, image, "three.png", List.of("--rows-per-second", "0"));
        List<Integer> types = received.parsed().stream().map(Parsed::type).toList();
        int headers = received.ofType(StreamDatagrams.HEADER).size();
        int ends = received.ofType(StreamDatagrams.END).size();
        int firstRow = types.indexOf(StreamDatagrams.ROW);
        int lastRow = types.lastIndexOf(StreamDatagrams.ROW);
        boolean headersFirst = types.subList(0, Math.max(0, firstRow)).stream().filter(t -> t == StreamDatagrams.HEADER).count() == 3;
        boolean endsLast = types.subList(lastRow + 1, types.size()).stream().filter(t -> t == StreamDatagrams.END).count() == 3;
        if (headers != 3 || ends != 3 || !headersFirst || !endsLast) {
            throw ConformanceFailure.wrongOutput(STREAM, Text.of("3 HEADERs before the first ROW and 3 ENDs after the last",
                            "3 HEADER antes de la primera ROW y 3 END después de la última"),
                    Text.format("%d HEADER(s) and %d END(s): %s", "%d HEADER y %d END: %s", headers, ends,
                            describe(received.parsed())));
        }
    }

    @Requirement(clause = "US-11", points = 1)
    void usesTheFrameOption(ClientUnderTest client, Random random) throws Exception {
        PngPicture image = rgb(random, 16, 8);
        long frame = 3_000_000_000L;
        Received received = stream(client, image, "frame.png",
                List.of("--frame", Long.toString(frame), "--rows-per-second", "0"));
        expectWholeStream(received, image, frame);
    }

    @Requirement(clause = "US-11", points = 1)
    void streamsTheWidestImage(ClientUnderTest client, Random random) throws Exception {
        PngPicture image = rgb(random, StreamDatagrams.MAX_WIDTH, 20);
        Received received = stream(client, image, "wide.png", List.of("--rows-per-second", "0"));
        expectWholeStream(received, image, 0);
    }

    /**
     * Fails unless the ROWs of a stream paced at {@code rate} rows per second arrived spread over at least
     * {@code seconds}, or with a median gap of at least 80 % of {@code 1 / rate}. The grader's clock is when it read
     * each datagram: had it been held up (a loaded machine), it would read the first rows late and all at once,
     * shortening the spread; the median gap does not move with one such pause, and an unpaced sender's is near 0.
     */
    private static void expectPaced(Received received, PngPicture image, int rate, double seconds, Text what) {
        List<Long> times = received.rowTimes();
        if (times.size() != image.height) {
            throw ConformanceFailure.wrongOutput(STREAM, Text.format("%d ROWs", "%d ROW", image.height),
                    Text.format("%d ROWs", "%d ROW", times.size()));
        }
        double spread = (times.get(times.size() - 1) - times.get(0)) / 1e9;
        long[] gaps = new long[times.size() - 1];
        for (int i = 1; i < times.size(); i++) {
            gaps[i - 1] = times.get(i) - times.get(i - 1);
        }
        Arrays.sort(gaps);
        double medianGap = gaps.length == 0 ? 0 : gaps[gaps.length / 2] / 1e9;
        if (spread < seconds && medianGap < 0.8 / rate) {
            throw ConformanceFailure.wrongOutput(Text.format("the pace of the ROWs %s", "el ritmo de las ROW %s", what),
                    Text.format("%d ROWs spread over at least %.2f s (row y leaves no earlier than y/%d s after row 0),"
                                    + " or a median gap of at least %.2f ms",
                            "%d ROW repartidas en al menos %.2f s (la fila y sale no antes de y/%d s tras la fila 0),"
                                    + " o una separación mediana de al menos %.2f ms", image.height, seconds, rate, 800.0 / rate),
                    Text.format("from the first ROW to the last: %.3f s, a median gap of %.2f ms between ROWs",
                            "de la primera ROW a la última: %.3f s, una separación mediana de %.2f ms entre ROW",
                            spread, medianGap * 1e3));
        }
    }

    // Timed by when the grader reads the rows: a grader kept from reading would see them bunched, too fast.
    @RunsAlone
    @Requirement(clause = "US-12", points = 1)
    void pacesRows(ClientUnderTest client, Random random) throws Exception {
        PngPicture image = rgb(random, 16, 100);
        Received received = stream(client, image, "paced.png", List.of("--rows-per-second", "200"));
        expectPaced(received, image, 200, 0.4, Text.of("with --rows-per-second 200", "con --rows-per-second 200"));
    }

    // Timed by when the grader reads the rows: a grader kept from reading would see them bunched, too fast.
    @RunsAlone
    @Requirement(clause = "US-12", points = 1)
    void pacesRowsByDefault(ClientUnderTest client, Random random) throws Exception {
        PngPicture image = rgb(random, 16, 200);
        Received received = stream(client, image, "default.png", List.of());
        expectPaced(received, image, 1000, 0.1, Text.of("without --rows-per-second", "sin --rows-per-second"));
    }

    /**
     * Runs the sender with {@code arguments} and fails unless it exits 2 with a line on stderr and sends nothing:
     * what US-13 asks of every IMAGE it cannot stream.
     */
    private static void expectRefused(ClientUnderTest client, List<String> arguments, Text what) throws Exception {
        FakeUdpServer fake = client.fakeUdpServer(FakeUdpServer.Responder.SILENT);
        ClientResult result = client.run(fake.port(), arguments, new byte[0]);
        result.expectExitCode(Text.format("the exit code for %s", "el código de salida con %s", what), 2)
                .expectOneErrorLine();
        // The sender has exited: anything it sent is already in the fake's socket buffer.
        try {
            Awaitility.await().pollInSameThread().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofMillis(300))
                    .until(() -> !fake.received().isEmpty());
        } catch (ConditionTimeoutException e) {
            return;
        }
        throw ConformanceFailure.wrongOutput(Text.format("datagrams sent for %s", "datagramas enviados con %s", what),
                Text.of("no datagram", "ningún datagrama"),
                Text.format("%d datagram(s)", "%d datagrama(s)", fake.received().size()));
    }

    @Requirement(clause = "US-13", points = 1)
    void refusesAWideImage(ClientUnderTest client, Random random) throws Exception {
        Path png = Files.write(client.files().resolve("too-wide.png"), rgb(random, StreamDatagrams.MAX_WIDTH + 1, 4).png());
        expectRefused(client, List.of(png.toString()), Text.of("a 481-wide image", "una imagen de 481 de ancho"));
    }

    @Requirement(clause = "US-13", points = 1)
    void refusesAMissingImage(ClientUnderTest client) throws Exception {
        expectRefused(client, List.of(client.files().resolve("absent.png").toString()),
                Text.of("a missing image", "una imagen inexistente"));
        expectRefused(client, List.of(), Text.of("no IMAGE argument", "ningún argumento IMAGE"));
    }

    @Requirement(clause = "US-13", points = 1)
    void refusesFilesThatAreNoImage(ClientUnderTest client, Random random) throws Exception {
        byte[] png = rgb(random, 40, 30).png();
        record Unreadable(String name, byte[] content, Text what) {}
        List<Unreadable> files = List.of(
                new Unreadable("empty.png", new byte[0], Text.of("an empty file", "un fichero vacío")),
                new Unreadable("notes.png", "these are notes, not a picture\n".getBytes(StandardCharsets.UTF_8),
                        Text.of("a text file named notes.png", "un fichero de texto llamado notes.png")),
                new Unreadable("cut.png", Arrays.copyOf(png, png.length / 2),
                        Text.of("a PNG cut off halfway (" + png.length / 2 + " of its " + png.length + " bytes)",
                                "un PNG cortado a la mitad (" + png.length / 2 + " de sus " + png.length + " bytes)")));
        for (Unreadable file : files) {
            Path path = Files.write(client.files().resolve(file.name()), file.content());
            expectRefused(client, List.of(path.toString()), file.what());
        }
    }

    /** Streams each picture in turn, at full speed, and fails at the first whose stream is not exact. */
    private static void expectStreamed(ClientUnderTest client, List<PngPicture> pictures) throws Exception {
        for (int i = 0; i < pictures.size(); i++) {
            PngPicture picture = pictures.get(i);
            String name = picture.kind.name().toLowerCase(Locale.ROOT) + "-" + picture.width + "x" + picture.height + ".png";
            Received received = stream(client, picture, name, List.of("--frame", Integer.toString(i + 1), "--rows-per-second", "0"));
            expectWholeStream(received, picture, i + 1);
        }
    }

    @Requirement(clause = "US-14", points = 1)
    void dropsAlpha(ClientUnderTest client, Random random) throws Exception {
        expectStreamed(client, List.of(PngPicture.random(random, PngPicture.Kind.RGBA_8, 24, 10),
                PngPicture.random(random, PngPicture.Kind.GREY_ALPHA_8, 9, 4),
                PngPicture.random(random, PngPicture.Kind.RGBA_16, 7, 5)));
    }

    @Requirement(clause = "US-14", points = 1)
    void sendsPaletteColours(ClientUnderTest client, Random random) throws Exception {
        expectStreamed(client, List.of(PngPicture.random(random, PngPicture.Kind.PALETTE_8, 20, 6),
                PngPicture.random(random, PngPicture.Kind.PALETTE_4, 9, 5),
                PngPicture.random(random, PngPicture.Kind.PALETTE_1, 13, 4)));
    }

    @Requirement(clause = "US-14", points = 1)
    void sendsGreyAsRgb(ClientUnderTest client, Random random) throws Exception {
        expectStreamed(client, List.of(PngPicture.random(random, PngPicture.Kind.GREY_8, 16, 6),
                PngPicture.random(random, PngPicture.Kind.GREY_16, 11, 4),
                PngPicture.random(random, PngPicture.Kind.GREY_2, 7, 3),
                PngPicture.random(random, PngPicture.Kind.RGB_16, 10, 4)));
    }

    @Requirement(clause = "US-14", points = 1)
    void streamsEverySize(ClientUnderTest client, Random random) throws Exception {
        expectStreamed(client, List.of(PngPicture.random(random, PngPicture.Kind.RGB_8, 1, 1),
                PngPicture.random(random, PngPicture.Kind.GREY_1, 1, 33),
                PngPicture.random(random, PngPicture.Kind.RGB_8, StreamDatagrams.MAX_WIDTH, 1),
                // 255 grey bytes and a filter byte: each row of image data is exactly 256 bytes long.
                PngPicture.random(random, PngPicture.Kind.GREY_8, 255, 64),
                // 90 KiB of image data in 12 IDAT chunks, and 64 ROWs of 1447 bytes: a burst that fits a default
                // socket buffer (208 KiB) even if the grader could not read during it.
                PngPicture.random(random, PngPicture.Kind.RGB_8, StreamDatagrams.MAX_WIDTH, 64)));
    }
}
