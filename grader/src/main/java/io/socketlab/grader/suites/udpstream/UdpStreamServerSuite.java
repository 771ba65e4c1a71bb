package io.socketlab.grader.suites.udpstream;

import static io.socketlab.grader.suites.udpstream.ReceiverOutput.expectFrame;
import static io.socketlab.grader.suites.udpstream.ReceiverOutput.send;
import static io.socketlab.grader.suites.udpstream.StreamDatagrams.end;
import static io.socketlab.grader.suites.udpstream.StreamDatagrams.header;
import static io.socketlab.grader.suites.udpstream.StreamDatagrams.row;
import static io.socketlab.grader.suites.udpstream.Streams.frameWithin;
import static io.socketlab.grader.suites.udpstream.Streams.rowsExcept;
import static io.socketlab.grader.suites.udpstream.Streams.stream;
import static io.socketlab.grader.suites.udpstream.Streams.streamAndExpect;
import static io.socketlab.grader.suites.udpstream.Streams.survives;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureDetail;
import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.network.Conditions;
import io.socketlab.grader.network.Direction;
import io.socketlab.grader.network.LossyRelay;
import io.socketlab.grader.network.RelayLog;
import io.socketlab.grader.probe.DatagramProbe;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.suites.udpstream.ReceiverOutput.FrameLine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The receiver: assembling frames from HEADER, ROW and END datagrams, concealing lost rows, counting distinct rows,
 * writing on END or after 2 s of silence, and ignoring everything malformed or late. The grader is the sender; every
 * stream uses its own frame number.
 */
@ExerciseSuite(exercise = "udp-stream", program = Program.SERVER)
class UdpStreamServerSuite {

    @Baseline
    @Requirement(clause = "US-1", points = 3)
    void writesAWholeFrame(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        try (DatagramProbe udp = server.datagrams()) {
            streamAndExpect(server, udp, 1, image, rowsExcept(8));
        }
    }

    @Requirement(clause = "US-1", points = 1)
    void writesAtOnceOnEnd(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, StreamDatagrams.MAX_WIDTH, 64);
        long frame = 2;
        Set<Integer> rows = rowsExcept(image.height);
        Text step = Text.of("waiting for FRAME " + frame + " after its END, a late copy of row 0 every 0.5 s",
                "esperando FRAME " + frame + " tras su END, con una copia tardía de la fila 0 cada 0,5 s");
        try (DatagramProbe udp = server.datagrams()) {
            long endAt = send(udp, stream(frame, image, rows, true));
            // A receiver that waits for 2 idle seconds instead of acting on END would write the frame only once its
            // datagrams stop: a late copy of row 0 every 0.5 s keeps them coming, so only a frame written on END gets
            // its line. However busy the machine, this cannot fail a receiver that writes on END.
            byte[] lateRow = row(frame, 0, image.rowBytes(0));
            long seen = ReceiverOutput.awaitFrameLineWhile(server, frame, endAt + server.timeouts().seconds(6).toNanos(),
                    Duration.ofMillis(500), n -> {
                        udp.send(lateRow);
                        return true;
                    }, step);
            if (seen == 0) {
                throw ConformanceFailure.timeout(step, Text.format("\"FRAME %d 64/64\" once the END arrived",
                                "\"FRAME %d 64/64\" en cuanto llegó el END", frame),
                        Text.format("no FRAME %d line within 6 s of the END (a frame still receiving datagrams waits in"
                                        + " vain for 2 idle seconds)", "ninguna línea FRAME %d en los 6 s tras el END (un"
                                        + " fotograma que sigue recibiendo datagramas espera en vano 2 segundos de inactividad)",
                                frame));
            }
            expectFrame(server, frame, image, image.sources(rows), rows.size(), Duration.ofMillis(250));
        }
    }

    @Requirement(clause = "US-1", points = 1)
    void printsUnsignedFrameNumbers(ServerUnderTest server, Random random) throws Exception {
        try (DatagramProbe udp = server.datagrams()) {
            for (long frame : new long[] {4_294_967_295L, 3_000_000_000L}) {
                streamAndExpect(server, udp, frame, TestImage.random(random, 16, 4), rowsExcept(4));
            }
        }
    }

    @Requirement(clause = "US-2", points = 2)
    void concealsGaps(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 12);
        try (DatagramProbe udp = server.datagrams()) {
            streamAndExpect(server, udp, 20, image, rowsExcept(12, 3, 6, 7, 9));
        }
    }

    @Requirement(clause = "US-2", points = 2)
    void concealsTopAndBottom(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 10);
        try (DatagramProbe udp = server.datagrams()) {
            streamAndExpect(server, udp, 21, image, rowsExcept(10, 0, 1, 5, 9));
        }
    }

    /** The lossy network of US-3: 20 % loss, 5 % duplication, every datagram delayed up to 20 ms (reordering). */
    private static final Conditions LOSSY = Conditions.lossy(0.2, 0.05, Duration.ofMillis(20));
    private static final Duration MAX_DELAY = Duration.ofMillis(20);

    /** Sends through the relay from a socket of the test's own (the relay gives the receiver one address for it). */
    private static void sendVia(LossyRelay relay, DatagramSocket socket, List<byte[]> datagrams) throws IOException {
        InetSocketAddress to = new InetSocketAddress(ServerUnderTest.HOST, relay.port());
        long previous = 0;
        for (byte[] datagram : datagrams) {
            LockSupport.parkNanos(250_000);
            socket.send(new DatagramPacket(datagram, datagram.length, to));
            previous = ReceiverOutput.expectNoStall(previous, 1_000_000_000L);
        }
    }

    /**
     * Waits until the relay has decided about all {@code offered} datagrams and every copy it delayed is due: its
     * delays are bounded by {@link #MAX_DELAY}, with a margin for a loaded machine's scheduler.
     */
    private static void awaitRelayed(LossyRelay relay, long offered) {
        try {
            Awaitility.await().pollInSameThread().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(10))
                    .until(() -> relay.log().datagrams(Direction.TO_SERVER) >= offered);
        } catch (ConditionTimeoutException e) {
            throw new HarnessException(Text.format("the relay saw %d of the %d datagrams the grader sent",
                    "el relé vio %d de los %d datagramas que envió el evaluador",
                    relay.log().datagrams(Direction.TO_SERVER), offered), e);
        }
        long lastDecision = relay.log().events().stream().mapToLong(RelayLog.Event::atNanos).max().orElse(0);
        long due = lastDecision + MAX_DELAY.toNanos() + Duration.ofMillis(250).toNanos();
        Awaitility.await().pollInSameThread().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(2))
                .until(() -> System.nanoTime() >= due);
    }

    /** The distinct y of the ROWs the relay delivered, and whether a HEADER got through. */
    private static Set<Integer> deliveredRows(LossyRelay relay) {
        return relay.log().delivered(Direction.TO_SERVER).stream()
                .map(e -> StreamDatagrams.parse(e.datagram()).orElseThrow())
                .filter(p -> p.type() == StreamDatagrams.ROW).map(StreamDatagrams.Parsed::y)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean headerDelivered(LossyRelay relay) {
        return relay.log().delivered(Direction.TO_SERVER).stream().anyMatch(e -> e.datagram()[0] == StreamDatagrams.HEADER);
    }

    @Requirement(clause = "US-3", points = 3)
    void countsWhatALossyNetworkDelivered(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, StreamDatagrams.MAX_WIDTH, 200);
        long frame = 30;
        long seed = random.nextLong();
        List<byte[]> headers = List.of(header(frame, image.width, image.height), header(frame, image.width, image.height),
                header(frame, image.width, image.height));
        long droppedBefore = SocketDrops.at(server.port());
        try (LossyRelay relay = LossyRelay.start(new InetSocketAddress(ServerUnderTest.HOST, server.port()), LOSSY, seed);
             DatagramSocket socket = new DatagramSocket(new InetSocketAddress(ServerUnderTest.HOST, 0))) {
            List<byte[]> datagrams = new ArrayList<>(headers);
            for (int y = 0; y < image.height; y++) {
                datagrams.add(row(frame, y, image.rowBytes(y)));
            }
            sendVia(relay, socket, datagrams);
            long offered = datagrams.size();
            awaitRelayed(relay, offered);
            // Like a sender that repeats its HEADER: the test is about rows, so at least one HEADER must get through.
            while (!headerDelivered(relay)) {
                sendVia(relay, socket, headers);
                offered += headers.size();
                awaitRelayed(relay, offered);
            }
            // Every row has arrived or is lost before the first END leaves: the count is known exactly.
            Set<Integer> rows = deliveredRows(relay);
            sendVia(relay, socket, List.of(end(frame), end(frame), end(frame)));
            Text facts = Text.format(" (%d distinct rows delivered; relay seed %d; %s)",
                    " (%d filas distintas entregadas; semilla del relé %d; %s)", rows.size(), seed, relay.log().facts());
            try {
                expectFrame(server, frame, image, image.sources(rows), rows.size(), server.timeouts().seconds(6));
            } catch (ConformanceFailure failure) {
                long dropped = SocketDrops.at(server.port()) - droppedBefore;
                if (dropped > 0) {
                    expectFrameDespiteDrops(server, frame, image, rows, dropped, facts);
                    return;
                }
                FailureDetail detail = failure.detail(null);
                throw new ConformanceFailure(failure.kind(), detail.step(), detail.expected(), detail.actual().plus(facts),
                        detail.hint());
            }
        }
    }

    /**
     * US-3 when the kernel dropped {@code dropped} datagrams at the receiver's port because its receive buffer was
     * full (the machine left the receiver no time to read): which rows those were is unknown, so the frame is judged
     * by the rows it shows as sent. Those must be rows the relay delivered, missing at most {@code dropped} of them;
     * the FRAME line must count exactly them; every other row must be concealed from them.
     */
    private static void expectFrameDespiteDrops(ServerUnderTest server, long frame, TestImage image, Set<Integer> delivered,
                                                long dropped, Text facts) throws InterruptedException {
        Text step = Text.of("frame " + frame + ", " + dropped + " datagram(s) dropped by the kernel at the receiver's full socket",
                "el fotograma " + frame + ", " + dropped + " datagrama(s) descartado(s) por el núcleo con el socket del receptor lleno");
        FrameLine line = ReceiverOutput.awaitFrameLine(server, frame, Duration.ofMillis(250), step);
        BufferedImage png = ReceiverOutput.awaitPng(server, frame, server.timeouts().seconds(5), step);
        Set<Integer> shown = image.rowsAsSent(png);
        Set<Integer> missing = new TreeSet<>(delivered);
        missing.removeAll(shown);
        if (!delivered.containsAll(shown) || missing.size() > dropped) {
            throw ConformanceFailure.integrity(step, Text.format("the rows delivered, but for at most %d dropped",
                            "las filas entregadas, salvo como mucho %d descartadas", dropped),
                    Text.format("%d rows as sent, %d delivered rows missing", "%d filas tal como se enviaron, faltan %d"
                            + " filas entregadas", shown.size(), missing.size()).plus(facts));
        }
        ReceiverOutput.expectCounts(line, shown.size(), image.height, step);
        image.expectFrame(png, image.sources(shown), step);
    }
    @Requirement(clause = "US-4", points = 2)
    void keepsRowsBeforeHeader(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 10);
        long frame = 40;
        List<byte[]> datagrams = new ArrayList<>();
        for (int y = 0; y < 6; y++) {
            datagrams.add(row(frame, y, image.rowBytes(y)));
        }
        datagrams.add(header(frame, image.width, image.height));
        for (int y = 6; y < 10; y++) {
            datagrams.add(row(frame, y, image.rowBytes(y)));
        }
        datagrams.add(header(frame, image.width, image.height));
        datagrams.add(end(frame));
        datagrams.add(end(frame));
        try (DatagramProbe udp = server.datagrams()) {
            send(udp, datagrams);
            expectFrame(server, frame, image, image.allRows(), 10, frameWithin(server));
        }
    }

    @Requirement(clause = "US-4", points = 1)
    void dropsRowsThatDoNotFit(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        TestImage wider = TestImage.random(random, 20, 8);
        TestImage narrower = TestImage.random(random, 15, 8);
        long frame = 41;
        List<byte[]> datagrams = new ArrayList<>();
        for (int y : List.of(0, 1, 2)) {
            datagrams.add(row(frame, y, image.rowBytes(y)));
        }
        datagrams.add(row(frame, 5, wider.rowBytes(5)));
        datagrams.add(row(frame, 8, image.rowBytes(3)));
        datagrams.add(row(frame, 300, image.rowBytes(4)));
        datagrams.add(row(frame, 3, image.rowBytes(3)));
        datagrams.add(header(frame, image.width, image.height));
        datagrams.add(header(frame, image.width, image.height));
        datagrams.add(row(frame, 6, narrower.rowBytes(6)));
        datagrams.add(row(frame, 9, image.rowBytes(4)));
        for (int y : List.of(4, 7)) {
            datagrams.add(row(frame, y, image.rowBytes(y)));
        }
        datagrams.add(end(frame));
        datagrams.add(end(frame));
        Set<Integer> fitting = Set.of(0, 1, 2, 3, 4, 7);
        try (DatagramProbe udp = server.datagrams()) {
            send(udp, datagrams);
            expectFrame(server, frame, image, image.sources(fitting), fitting.size(), frameWithin(server));
        }
    }

    private static Text noFrameLine(long frame) {
        return Text.format("no FRAME %d line", "ninguna línea FRAME %d", frame);
    }

    private static Text aFrameLine(long frame) {
        return Text.format("a FRAME %d line", "una línea FRAME %d", frame);
    }

    /** Fails unless the FRAME line came between 1.5 s and 6 s (scaled) after the frame's last datagram. */
    private static void expectIdleWrite(long frame, long lastSentAt, FrameLine line) {
        double after = (line.seenAtNanos() - lastSentAt) / 1e9;
        String seconds = String.format(Locale.ROOT, "%.2f s", after);
        Text step = Text.of("when FRAME " + frame + " was printed, its END lost",
                "cuándo se imprimió FRAME " + frame + ", perdido su END");
        if (after < 1.5) {
            throw ConformanceFailure.wrongOutput(step, Text.of("about 2 s after the frame's last datagram (not before 1.5 s)",
                            "unos 2 s después del último datagrama del fotograma (no antes de 1,5 s)"),
                    Text.of(seconds + " after it: rows may still have been on their way",
                            seconds + " después: aún podían llegar filas"));
        }
    }

    @Requirement(clause = "US-5", points = 1)
    void writesAfterTwoIdleSeconds(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        long frame = 50;
        Set<Integer> rows = rowsExcept(8);
        try (DatagramProbe udp = server.datagrams()) {
            long lastSentAt = send(udp, stream(frame, image, rows, false));
            FrameLine line = expectFrame(server, frame, image, image.sources(rows), rows.size(), server.timeouts().seconds(6));
            expectIdleWrite(frame, lastSentAt, line);
        }
    }

    @Requirement(clause = "US-5", points = 1)
    void writesOnTimeWhileAnotherFrameStreams(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        TestImage busy = TestImage.random(random, 16, 40);
        long frame = 52;
        long other = 53;
        Set<Integer> rows = rowsExcept(8);
        Text step = Text.of("waiting for FRAME " + frame + " while frame " + other + " streams",
                "esperando FRAME " + frame + " mientras llega el fotograma " + other);
        try (DatagramProbe udp = server.datagrams()) {
            long lastSentAt = send(udp, stream(frame, image, rows, false));
            send(udp, List.of(header(other, busy.width, busy.height), header(other, busy.width, busy.height)));
            // One row of the other frame every 0.25 s, until FRAME 52 shows up or 6 s have passed.
            int[] sent = {0};
            long seenAt = ReceiverOutput.awaitFrameLineWhile(server, frame, lastSentAt + server.timeouts().seconds(6).toNanos(),
                    Duration.ofMillis(250), n -> {
                        udp.send(row(other, n, busy.rowBytes(n)));
                        sent[0] = n + 1;
                        return sent[0] < busy.height;
                    }, step);
            if (seenAt == 0) {
                String waited = ConformanceFailure.seconds(Duration.ofNanos(System.nanoTime() - lastSentAt));
                throw ConformanceFailure.timeout(step, Text.format("\"FRAME %d 8/8\" about 2 s after frame %d's last"
                                + " datagram", "\"FRAME %d 8/8\" unos 2 s después del último datagrama del fotograma %d",
                                frame, frame),
                        Text.format("no FRAME %d line after %s, while frame %d sent %d rows, one every 0.25 s",
                                "ninguna línea FRAME %d tras %s, mientras el fotograma %d enviaba %d filas, una cada 0,25 s",
                                frame, waited, other, sent[0]));
            }
            FrameLine line = expectFrame(server, frame, image, image.sources(rows), rows.size(), Duration.ofMillis(250));
            expectIdleWrite(frame, lastSentAt, new FrameLine(frame, line.received(), line.height(), seenAt));
            send(udp, List.of(end(other), end(other), end(other)));
            ReceiverOutput.expectCounts(ReceiverOutput.awaitFrameLine(server, other, frameWithin(server), step), sent[0],
                    busy.height, Text.of("the FRAME line of frame " + other, "la línea FRAME del fotograma " + other));
        }
    }

    @Requirement(clause = "US-5", points = 1)
    void restartsTheIdleClock(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        long frame = 51;
        Set<Integer> rows = rowsExcept(8);
        long lastSentAt;
        try (DatagramProbe udp = server.datagrams()) {
            List<byte[]> first = stream(frame, image, Set.of(0, 1, 2, 3), false);
            lastSentAt = send(udp, first);
            // A slow sender: the other rows follow one every 0.6 s, 2.4 s after the HEADER in all.
            for (int y = 4; y < 8; y++) {
                LockSupport.parkNanos(Duration.ofMillis(600).toNanos());
                ReceiverOutput.expectNoStall(lastSentAt, Duration.ofMillis(1400).toNanos());
                lastSentAt = send(udp, List.of(row(frame, y, image.rowBytes(y))));
            }
            FrameLine line = expectFrame(server, frame, image, image.sources(rows), rows.size(), server.timeouts().seconds(6));
            expectIdleWrite(frame, lastSentAt, line);
        }
    }

    @Requirement(clause = "US-6", points = 2)
    void dropsAFrameWithoutHeader(ServerUnderTest server, Random random) throws Exception {
        TestImage headless = TestImage.random(random, 16, 8);
        TestImage next = TestImage.random(random, 16, 8);
        long lost = 60;
        long frame = 61;
        try (DatagramProbe udp = server.datagrams()) {
            List<byte[]> noHeader = new ArrayList<>(stream(lost, headless, rowsExcept(8), true));
            noHeader.removeIf(d -> d[0] == StreamDatagrams.HEADER);
            long lostAt = send(udp, noHeader);
            streamAndExpect(server, udp, frame, next, rowsExcept(8));
            // Absence can only be checked over a while: 4 s after the headerless frame's last datagram.
            long left = lostAt + server.timeouts().seconds(4).toNanos() - System.nanoTime();
            Text step = Text.of("frame " + lost + ", sent without HEADER, 4 s later",
                    "el fotograma " + lost + ", enviado sin HEADER, 4 s después");
            server.expectAlive(step);
            boolean printed = server.program().stdout().awaitText(
                    text -> text.lines().anyMatch(l -> l.startsWith("FRAME " + lost + " ")), Math.max(1, left / 1_000_000));
            server.expectAlive(step);
            if (printed) {
                throw ConformanceFailure.wrongOutput(step, noFrameLine(lost), aFrameLine(lost));
            }
            if (Files.exists(ReceiverOutput.frameFile(server, lost))) {
                throw ConformanceFailure.wrongOutput(step, Text.format("no file frame-%d.png", "ningún fichero frame-%d.png", lost),
                        Text.of("frame-" + lost + ".png was written", "se escribió frame-" + lost + ".png"));
            }
        }
    }

    @Requirement(clause = "US-7", points = 1)
    void countsDuplicatesOnce(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        long frame = 70;
        List<byte[]> datagrams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            datagrams.add(header(frame, image.width, image.height));
        }
        for (int y = 0; y < image.height; y++) {
            datagrams.add(row(frame, y, image.rowBytes(y)));
            datagrams.add(row(frame, y, image.rowBytes(y)));
        }
        for (int i = 0; i < 3; i++) {
            datagrams.add(end(frame));
        }
        try (DatagramProbe udp = server.datagrams()) {
            send(udp, datagrams);
            expectFrame(server, frame, image, image.allRows(), image.height, frameWithin(server));
        }
    }

    @Requirement(clause = "US-7", points = 1)
    void assemblesShuffledRows(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 16);
        long frame = 71;
        List<byte[]> rows = new ArrayList<>();
        for (int y = 0; y < image.height; y++) {
            rows.add(row(frame, y, image.rowBytes(y)));
            rows.add(row(frame, y, image.rowBytes(y)));
        }
        Collections.shuffle(rows, random);
        List<byte[]> datagrams = new ArrayList<>(rows);
        datagrams.add(datagrams.size() - 1, header(frame, image.width, image.height));
        for (int i = 0; i < 3; i++) {
            datagrams.add(end(frame));
        }
        try (DatagramProbe udp = server.datagrams()) {
            send(udp, datagrams);
            expectFrame(server, frame, image, image.allRows(), image.height, frameWithin(server));
        }
    }

    @Requirement(clause = "US-8", points = 1)
    void survivesImpossibleHeaders(ServerUnderTest server, Random random) throws Exception {
        List<byte[]> hostile = new ArrayList<>();
        hostile.add(header(82, 0, 8));
        hostile.add(row(82, 0, new byte[0]));
        hostile.add(end(82));
        hostile.add(header(83, 481, 2));
        hostile.add(row(83, 0, new byte[3 * 481]));
        hostile.add(row(83, 1, new byte[3 * 481]));
        hostile.add(end(83));
        hostile.add(header(84, 16, 0));
        hostile.add(row(84, 0, new byte[48]));
        hostile.add(end(84));
        survives(server, random, hostile, 85, Text.of("after impossible HEADERs", "tras HEADER imposibles"));
        for (long ignored : new long[] {82, 83, 84}) {
            if (ReceiverOutput.frameLines(server, ignored) > 0) {
                throw ConformanceFailure.wrongOutput(Text.of("frame " + ignored + ", whose HEADER is impossible",
                        "el fotograma " + ignored + ", de HEADER imposible"), noFrameLine(ignored), aFrameLine(ignored));
            }
        }
    }

    @Requirement(clause = "US-8", points = 1)
    void ignoresRowsThatDoNotFit(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        long frame = 86;
        byte[] oneShort = Arrays.copyOf(image.rowBytes(3), 3 * image.width - 1);
        // The rows that do not fit come first; the real rows 2 and 3 follow them, so the frame must end up exact.
        List<byte[]> datagrams = new ArrayList<>(stream(frame, image, rowsExcept(8), true));
        datagrams.addAll(3, List.of(row(frame, 8, image.rowBytes(0)), row(frame, 65_535, image.rowBytes(1)),
                row(frame, 2, TestImage.random(random, 17, 1).rowBytes(0)), row(frame, 3, oneShort),
                row(frame, 2, TestImage.random(random, 1, 1).rowBytes(0))));
        try (DatagramProbe udp = server.datagrams()) {
            send(udp, datagrams);
            expectFrame(server, frame, image, image.allRows(), image.height, frameWithin(server));
        }
        server.expectAlive(Text.of("after rows that do not fit", "tras filas que no encajan"));
    }

    @Requirement(clause = "US-9", points = 1)
    void ignoresLateDatagrams(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        TestImage other = TestImage.random(random, 16, 8);
        long frame = 90;
        try (DatagramProbe udp = server.datagrams()) {
            streamAndExpect(server, udp, frame, image, rowsExcept(8));
            // Another frame is written in between: remembering only the last frame written is not enough.
            streamAndExpect(server, udp, 91, TestImage.random(random, 16, 8), rowsExcept(8));
            send(udp, List.of(row(frame, 0, other.rowBytes(0)), header(frame, 16, 8), row(frame, 1, other.rowBytes(1)),
                    end(frame), end(frame)));
            // The next frame's line proves the late datagrams, sent before it, have been read.
            streamAndExpect(server, udp, 94, TestImage.random(random, 16, 8), rowsExcept(8));
        }
        Text step = Text.of("frame " + frame + " after late datagrams for it", "el fotograma " + frame + " tras datagramas tardíos");
        int lines = ReceiverOutput.frameLines(server, frame);
        if (lines != 1) {
            throw ConformanceFailure.wrongOutput(step, Text.format("one FRAME %d line", "una línea FRAME %d", frame),
                    Text.format("%d FRAME %d lines", "%d líneas FRAME %d", lines, frame));
        }
        BufferedImage again = ReceiverOutput.awaitPng(server, frame, server.timeouts().seconds(2), step);
        image.expectFrame(again, image.allRows(), step);
    }

    @Requirement(clause = "US-9", points = 1)
    void assemblesInterleavedFrames(ServerUnderTest server, Random random) throws Exception {
        TestImage first = TestImage.random(random, 16, 8);
        TestImage second = TestImage.random(random, 24, 6);
        long a = 92;
        long b = 93;
        List<byte[]> datagrams = new ArrayList<>();
        datagrams.add(header(a, first.width, first.height));
        datagrams.add(header(b, second.width, second.height));
        for (int y = 0; y < 8; y++) {
            datagrams.add(row(a, y, first.rowBytes(y)));
            if (y < second.height) {
                datagrams.add(row(b, y, second.rowBytes(y)));
            }
        }
        datagrams.add(end(b));
        datagrams.add(end(a));
        try (DatagramProbe udp = server.datagrams()) {
            send(udp, datagrams);
            expectFrame(server, a, first, first.allRows(), first.height, frameWithin(server));
            expectFrame(server, b, second, second.allRows(), second.height, frameWithin(server));
        }
    }
}
