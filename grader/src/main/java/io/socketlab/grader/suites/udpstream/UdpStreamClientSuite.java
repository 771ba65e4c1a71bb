package io.socketlab.grader.suites.udpstream;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeUdpServer;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.suites.udpstream.StreamDatagrams.Parsed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** The sender against a fake receiver: the datagrams it sends for a PNG, their format, its pacing and usage errors. */
@ExerciseSuite(exercise = "udp-stream", program = Program.CLIENT)
class UdpStreamClientSuite {

    private static final Text EXIT = Text.of("the sender's exit code", "el código de salida del emisor");
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

    /** Writes {@code image} as a PNG, runs the sender with it and {@code options}, and collects what arrived. */
    private static Received stream(ClientUnderTest client, TestImage image, String name, List<String> options)
            throws Exception {
        Path png = image.writePng(client.files().resolve(name));
        FakeUdpServer fake = client.fakeUdpServer(FakeUdpServer.Responder.SILENT);
        List<String> arguments = new ArrayList<>(List.of(png.toString()));
        arguments.addAll(options);
        ClientResult result = client.run(fake.port(), arguments, new byte[0]);
        result.expectExitCode(EXIT, 0);
        // The sender has exited: what it sent is in the fake's socket buffer; give its thread a moment to read it.
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .atMost(client.timeouts().seconds(1))
                    .until(() -> fake.received().stream().filter(d -> d.length > 0 && d[0] == StreamDatagrams.END).count() >= 3);
        } catch (ConditionTimeoutException e) {
            // Fewer than 3 ENDs: the checks below say what is missing.
        }
        List<byte[]> raw = fake.received();
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            byte[] datagram = raw.get(i);
            Optional<Parsed> p = StreamDatagrams.parse(datagram);
            if (p.isEmpty()) {
                throw ConformanceFailure.wrongOutput(STREAM, "HEADER (9 bytes), ROW (7 + 3 x width bytes) or END (5 bytes)",
                        Text.of("datagram " + (i + 1) + " of " + datagram.length + " bytes: " + Bytes.render(datagram),
                                "datagrama " + (i + 1) + " de " + datagram.length + " bytes: " + Bytes.render(datagram)));
            }
            parsed.add(p.get());
        }
        return new Received(raw, fake.receivedAtNanos(), parsed);
    }

    /** The datagrams' descriptions, cut after a dozen. */
    private static String describe(List<Parsed> datagrams) {
        String shown = datagrams.stream().limit(12).map(Parsed::describe).collect(Collectors.joining(", "));
        return datagrams.isEmpty() ? "no datagrams" : "[" + shown + (datagrams.size() > 12 ? ", ... (" + datagrams.size() + " in all)" : "") + "]";
    }

    /**
     * Fails unless the stream is HEADER(s), then one ROW per y top to bottom with the picture's bytes, then END(s),
     * all for {@code frame}.
     */
    private static void expectWholeStream(Received received, TestImage image, long frame) {
        List<Parsed> all = received.parsed();
        for (Parsed p : all) {
            if (p.frame() != frame) {
                throw ConformanceFailure.wrongOutput(STREAM, "frame " + frame + " (u32) in every datagram",
                        Text.of(p.describe(), p.describe()));
            }
        }
        List<Parsed> headers = received.ofType(StreamDatagrams.HEADER);
        List<Parsed> rows = received.ofType(StreamDatagrams.ROW);
        List<Parsed> ends = received.ofType(StreamDatagrams.END);
        if (headers.isEmpty() || ends.isEmpty()) {
            throw ConformanceFailure.wrongOutput(STREAM, "HEADER first and END last", Text.same(describe(all)));
        }
        for (Parsed h : headers) {
            if (h.width() != image.width || h.height() != image.height) {
                throw ConformanceFailure.wrongOutput(STREAM, "HEADER frame " + frame + " " + image.width + "x" + image.height,
                        Text.same(h.describe()));
            }
        }
        List<Integer> types = all.stream().map(Parsed::type).toList();
        int lastRow = types.lastIndexOf(StreamDatagrams.ROW);
        int firstRow = lastRow < 0 ? types.indexOf(StreamDatagrams.END) : types.indexOf(StreamDatagrams.ROW);
        if (types.indexOf(StreamDatagrams.HEADER) > firstRow || types.indexOf(StreamDatagrams.END) < lastRow) {
            throw ConformanceFailure.wrongOutput(STREAM, "HEADER first, then the ROWs, then END",
                    Text.same(describe(all)));
        }
        List<Integer> ys = rows.stream().map(Parsed::y).toList();
        List<Integer> expectedYs = Arrays.stream(image.allRows()).boxed().toList();
        if (!ys.equals(expectedYs)) {
            throw ConformanceFailure.wrongOutput(STREAM, "one ROW per y, top to bottom: y = 0.." + (image.height - 1),
                    Text.of("ROWs with y = " + ys, "ROW con y = " + ys));
        }
        for (Parsed row : rows) {
            byte[] expected = image.rowBytes(row.y());
            if (!Arrays.equals(expected, row.rgb())) {
                throw ConformanceFailure.integrity(STREAM, "ROW y " + row.y() + " with the PNG's R, G, B bytes, left to right",
                        Bytes.describeDifference(expected, row.rgb()));
            }
        }
    }

    @Baseline
    @Requirement(clause = "US-10", points = 3)
    void streamsASmallImage(ClientUnderTest client, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        Received received = stream(client, image, "small.png", List.of("--rows-per-second", "0"));
        expectWholeStream(received, image, 0);
    }

    @Requirement(clause = "US-11", points = 1)
    void sendsHeaderAndEndThreeTimes(ClientUnderTest client, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        Received received = stream(client, image, "three.png", List.of("--rows-per-second", "0"));
        List<Integer> types = received.parsed().stream().map(Parsed::type).toList();
        int headers = received.ofType(StreamDatagrams.HEADER).size();
        int ends = received.ofType(StreamDatagrams.END).size();
        int firstRow = types.indexOf(StreamDatagrams.ROW);
        int lastRow = types.lastIndexOf(StreamDatagrams.ROW);
        boolean headersFirst = types.subList(0, Math.max(0, firstRow)).stream().filter(t -> t == StreamDatagrams.HEADER).count() == 3;
        boolean endsLast = types.subList(lastRow + 1, types.size()).stream().filter(t -> t == StreamDatagrams.END).count() == 3;
        if (headers != 3 || ends != 3 || !headersFirst || !endsLast) {
            throw ConformanceFailure.wrongOutput(STREAM, "3 HEADERs before the first ROW and 3 ENDs after the last",
                    Text.of(headers + " HEADER(s) and " + ends + " END(s): " + describe(received.parsed()),
                            headers + " HEADER y " + ends + " END: " + describe(received.parsed())));
        }
    }

    @Requirement(clause = "US-11", points = 1)
    void usesTheFrameOption(ClientUnderTest client, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        long frame = 3_000_000_000L;
        Received received = stream(client, image, "frame.png",
                List.of("--frame", Long.toString(frame), "--rows-per-second", "0"));
        expectWholeStream(received, image, frame);
    }

    @Requirement(clause = "US-11", points = 1)
    void streamsTheWidestImage(ClientUnderTest client, Random random) throws Exception {
        TestImage image = TestImage.random(random, StreamDatagrams.MAX_WIDTH, 20);
        Received received = stream(client, image, "wide.png", List.of("--rows-per-second", "0"));
        expectWholeStream(received, image, 0);
    }

    /** Fails unless the ROWs arrived spread over at least {@code seconds}. */
    private static void expectSpread(Received received, TestImage image, double seconds, String what) {
        List<Long> times = received.rowTimes();
        if (times.size() != image.height) {
            throw ConformanceFailure.wrongOutput(STREAM, image.height + " ROWs",
                    Text.of(times.size() + " ROWs", times.size() + " ROW"));
        }
        double spread = (times.get(times.size() - 1) - times.get(0)) / 1e9;
        if (spread < seconds) {
            String got = String.format(Locale.ROOT, "%.3f s", spread);
            throw ConformanceFailure.wrongOutput(Text.of("the pace of the ROWs " + what, "el ritmo de las ROW " + what),
                    String.format(Locale.ROOT, "%d ROWs spread over at least %.2f s", image.height, seconds),
                    Text.of("from the first ROW to the last: " + got, "de la primera ROW a la última: " + got));
        }
    }

    @Requirement(clause = "US-12", points = 1)
    void pacesRows(ClientUnderTest client, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 100);
        Received received = stream(client, image, "paced.png", List.of("--rows-per-second", "200"));
        expectSpread(received, image, 0.4, "with --rows-per-second 200");
    }

    @Requirement(clause = "US-12", points = 1)
    void pacesRowsByDefault(ClientUnderTest client, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 200);
        Received received = stream(client, image, "default.png", List.of());
        expectSpread(received, image, 0.1, "without --rows-per-second");
    }

    @Requirement(clause = "US-13", points = 1)
    void refusesAWideImage(ClientUnderTest client, Random random) throws Exception {
        Path png = TestImage.random(random, StreamDatagrams.MAX_WIDTH + 1, 4).writePng(client.files().resolve("too-wide.png"));
        FakeUdpServer fake = client.fakeUdpServer(FakeUdpServer.Responder.SILENT);
        ClientResult result = client.run(fake.port(), List.of(png.toString()), new byte[0]);
        result.expectExitCode(Text.of("exit code for a 481-wide image", "código de salida con una imagen de 481 de ancho"), 2)
                .expectErrorLine(Text.of("stderr for a 481-wide image", "stderr con una imagen de 481 de ancho"));
        // The sender has exited: anything it sent is already in the fake's socket buffer.
        try {
            Awaitility.await().pollInSameThread().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofMillis(300))
                    .until(() -> !fake.received().isEmpty());
        } catch (ConditionTimeoutException e) {
            return;
        }
        throw ConformanceFailure.wrongOutput(Text.of("datagrams sent for a 481-wide image", "datagramas enviados con una imagen de 481 de ancho"),
                "no datagram", Text.of(fake.received().size() + " datagram(s)", fake.received().size() + " datagrama(s)"));
    }

    @Requirement(clause = "US-13", points = 1)
    void refusesAMissingImage(ClientUnderTest client) throws Exception {
        FakeUdpServer fake = client.fakeUdpServer(FakeUdpServer.Responder.SILENT);
        ClientResult result = client.run(fake.port(), List.of(client.files().resolve("absent.png").toString()), new byte[0]);
        result.expectExitCode(Text.of("exit code for a missing image", "código de salida con una imagen inexistente"), 2)
                .expectErrorLine(Text.of("stderr for a missing image", "stderr con una imagen inexistente"));
    }
}
