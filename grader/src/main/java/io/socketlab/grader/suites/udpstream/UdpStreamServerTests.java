package io.socketlab.grader.suites.udpstream;

import static io.socketlab.grader.suites.udpstream.ReceiverOutput.expectFrame;
import static io.socketlab.grader.suites.udpstream.ReceiverOutput.send;
import static io.socketlab.grader.suites.udpstream.StreamDatagrams.end;
import static io.socketlab.grader.suites.udpstream.StreamDatagrams.header;
import static io.socketlab.grader.suites.udpstream.StreamDatagrams.row;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureDetail;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.network.Conditions;
import io.socketlab.grader.network.Direction;
import io.socketlab.grader.network.LossyRelay;
import io.socketlab.grader.network.RelayLog;
import io.socketlab.grader.probe.DatagramProbe;
import io.socketlab.grader.suite.Baseline;
import io.socketlab.grader.suite.ExerciseTests;
import io.socketlab.grader.suite.Requirement;
import io.socketlab.grader.suite.ServerUnderTest;
import io.socketlab.grader.suites.udpstream.ReceiverOutput.FrameLine;
import io.socketlab.grader.target.Readiness;
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
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The receiver: assembling frames from HEADER, ROW and END datagrams, concealing lost rows, counting distinct rows,
 * writing on END or after 2 s of silence, and ignoring everything malformed or late. The grader is the sender; every
 * stream uses its own frame number.
 */
@ExerciseTests(exercise = "udp-stream", program = Program.SERVER, readiness = Readiness.UDP,
        serverArguments = {"--out", "{data}"})
class UdpStreamServerTests {

    /** Rows {@code 0..height-1} except {@code missing}. */
    private static Set<Integer> rowsExcept(int height, Integer... missing) {
        Set<Integer> rows = IntStream.range(0, height).boxed().collect(Collectors.toCollection(TreeSet::new));
        rows.removeAll(Arrays.asList(missing));
        return rows;
    }

    /** HEADER ×3, the given rows top to bottom, END ×3: a well-behaved sender on a network that lost some rows. */
    private static List<byte[]> stream(long frame, TestImage image, Set<Integer> rows, boolean withEnd) {
        List<byte[]> datagrams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            datagrams.add(header(frame, image.width, image.height));
        }
        new TreeSet<>(rows).forEach(y -> datagrams.add(row(frame, y, image.rowBytes(y))));
        if (withEnd) {
            for (int i = 0; i < 3; i++) {
                datagrams.add(end(frame));
            }
        }
        return datagrams;
    }

    private static Duration frameWithin(ServerUnderTest server) {
        return server.timeouts().seconds(5);
    }

    /** Streams a whole picture with END and checks the receiver's FRAME line and file. */
    private static void streamAndExpect(ServerUnderTest server, DatagramProbe udp, long frame, TestImage image,
                                        Set<Integer> rows) throws Exception {
        send(udp, stream(frame, image, rows, true));
        expectFrame(server, frame, image, image.sources(rows), rows.size(), frameWithin(server));
    }

    @Baseline
    @Requirement(clause = "US-1", points = 3,
            title = "writes a 16x8 frame sent whole to DIR/frame-F.png and prints FRAME F 8/8",
            titleEs = "escribe en DIR/frame-F.png un fotograma de 16x8 enviado entero e imprime FRAME F 8/8",
            hint = "keep one buffer of height x 3 x width bytes per frame; copy each ROW's RGB bytes at row y; "
                    + "on END write the PNG (ImageIO.write) and print FRAME F r/h",
            hintEs = "guarda un búfer de alto x 3 x ancho bytes por fotograma; copia los bytes RGB de cada ROW en la fila y; "
                    + "con END escribe el PNG (ImageIO.write) e imprime FRAME F r/h")
    void writesAWholeFrame(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        try (DatagramProbe udp = server.datagrams()) {
            streamAndExpect(server, udp, 1, image, rowsExcept(8));
        }
    }

    @Requirement(clause = "US-1", points = 1,
            title = "writes a 480-wide frame as soon as its END arrives",
            titleEs = "escribe un fotograma de 480 de ancho en cuanto llega su END",
            hint = "on END write the frame at once: the 2-second wait is only for frames whose END was lost",
            hintEs = "con END escribe el fotograma enseguida: la espera de 2 segundos es solo para fotogramas cuyo END se perdió")
    void writesAtOnceOnEnd(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, StreamDatagrams.MAX_WIDTH, 64);
        Set<Integer> rows = rowsExcept(image.height);
        try (DatagramProbe udp = server.datagrams()) {
            send(udp, stream(2, image, rows, true));
            // An idle timer alone would print 2 s after the END: well after this deadline.
            expectFrame(server, 2, image, image.sources(rows), rows.size(), server.timeouts().seconds(1.5));
        }
    }

    @Requirement(clause = "US-2", points = 2,
            title = "conceals single and consecutive missing rows with the nearest received row above",
            titleEs = "oculta filas perdidas, sueltas y consecutivas, con la fila recibida más cercana por encima",
            hint = "a missing row y takes the pixels of the last row received above it; count only the rows that arrived",
            hintEs = "una fila y perdida toma los píxeles de la última fila recibida por encima; cuenta solo las filas que llegaron")
    void concealsGaps(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 12);
        try (DatagramProbe udp = server.datagrams()) {
            streamAndExpect(server, udp, 20, image, rowsExcept(12, 3, 6, 7, 9));
        }
    }

    @Requirement(clause = "US-2", points = 2,
            title = "paints missing top rows black and conceals a lost last row",
            titleEs = "pinta de negro las filas perdidas de arriba y oculta una última fila perdida",
            hint = "rows with no received row above them stay black; conceal the bottom rows too, even with no row after them",
            hintEs = "las filas sin ninguna fila recibida encima quedan negras; oculta también las últimas, aunque no llegue nada después")
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
            throw new HarnessException("the relay saw " + relay.log().datagrams(Direction.TO_SERVER) + " of the "
                    + offered + " datagrams the grader sent", e);
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

    @Requirement(clause = "US-3", points = 3,
            title = "counts the distinct rows a lossy network delivered and conceals the rest (480x200, 20 % loss)",
            titleEs = "cuenta las filas distintas que entregó una red con pérdidas y oculta el resto (480x200, 20 % de pérdida)",
            hint = "FRAME F r/h counts distinct rows received: duplicates once, lost rows not at all; every received row exact",
            hintEs = "FRAME F r/h cuenta las filas distintas recibidas: duplicados una vez, las perdidas nunca; cada fila recibida exacta")
    void countsWhatALossyNetworkDelivered(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, StreamDatagrams.MAX_WIDTH, 200);
        long frame = 30;
        long seed = random.nextLong();
        List<byte[]> headers = List.of(header(frame, image.width, image.height), header(frame, image.width, image.height),
                header(frame, image.width, image.height));
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
            try {
                expectFrame(server, frame, image, image.sources(rows), rows.size(), server.timeouts().seconds(6));
            } catch (ConformanceFailure failure) {
                FailureDetail detail = failure.detail(null);
                String facts = " (" + rows.size() + " distinct rows delivered; relay seed " + seed + "; "
                        + relay.log().summary() + ")";
                throw new ConformanceFailure(failure.kind(), detail.step(), detail.expected(),
                        Text.of(detail.actual().en() + facts, detail.actual().es() + facts), detail.hint());
            }
        }
    }

    @Requirement(clause = "US-4", points = 2,
            title = "keeps rows that arrive before the frame's HEADER",
            titleEs = "guarda las filas que llegan antes del HEADER del fotograma",
            hint = "store rows of a frame you have no HEADER for yet (keyed by frame and y); apply them when the HEADER comes",
            hintEs = "guarda las filas de un fotograma del que aún no tienes HEADER (por fotograma e y); aplícalas al llegar el HEADER")
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

    @Requirement(clause = "US-4", points = 1,
            title = "drops rows beyond the height or of another width, before and after the HEADER",
            titleEs = "descarta filas más allá del alto o de otro ancho, antes y después del HEADER",
            hint = "when the HEADER arrives, discard kept rows with y >= height or 3 x width bytes that do not match; check later rows the same way",
            hintEs = "al llegar el HEADER descarta las filas guardadas con y >= alto o con un tamaño distinto de 3 x ancho; comprueba igual las siguientes")
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

    /** Fails unless the FRAME line came between 1.5 s and 6 s (scaled) after the frame's last datagram. */
    private static void expectIdleWrite(long frame, long lastSentAt, FrameLine line) {
        double after = (line.seenAtNanos() - lastSentAt) / 1e9;
        String seconds = String.format(Locale.ROOT, "%.2f s", after);
        Text step = Text.of("when FRAME " + frame + " was printed, its END lost",
                "cuándo se imprimió FRAME " + frame + ", perdido su END");
        if (after < 1.5) {
            throw ConformanceFailure.wrongOutput(step, "about 2 s after the frame's last datagram (not before 1.5 s)",
                    Text.of(seconds + " after it: rows may still have been on their way",
                            seconds + " después: aún podían llegar filas"));
        }
    }

    @Requirement(clause = "US-5", points = 1,
            title = "writes a frame whose END is lost about 2 s after its last datagram",
            titleEs = "escribe un fotograma cuyo END se perdió unos 2 s después de su último datagrama",
            hint = "remember when each frame last received a datagram; a timer (or receive timeout) writes frames idle for 2 s",
            hintEs = "recuerda cuándo recibió cada fotograma su último datagrama; un temporizador (o timeout de recepción) escribe los inactivos 2 s")
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

    @Requirement(clause = "US-5", points = 1,
            title = "writes a frame whose END is lost on time while another frame keeps streaming",
            titleEs = "escribe a tiempo un fotograma cuyo END se perdió mientras otro fotograma sigue llegando",
            hint = "keep one idle clock per frame: \"2 s without any datagram\" (a plain socket timeout) never fires while other frames stream",
            hintEs = "lleva un reloj de inactividad por fotograma: \"2 s sin ningún datagrama\" (un simple timeout del socket) nunca vence mientras llegan otros fotogramas")
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
            long deadline = lastSentAt + server.timeouts().seconds(6).toNanos();
            String expected = "FRAME " + frame + " ";
            int sent = 0;
            long previous = System.nanoTime();
            long seenAt = 0;
            while (sent < busy.height && System.nanoTime() < deadline) {
                server.expectAlive(step);
                if (server.program().stdout().awaitText(text -> text.lines().anyMatch(l -> l.startsWith(expected)), 250)) {
                    seenAt = System.nanoTime();
                    break;
                }
                previous = ReceiverOutput.expectNoStall(previous, 1_000_000_000L);
                send(udp, List.of(row(other, sent, busy.rowBytes(sent))));
                sent++;
            }
            if (seenAt == 0) {
                server.expectAlive(step);
                String waited = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - lastSentAt) / 1e9);
                throw new ConformanceFailure(FailureKind.TIMEOUT, step,
                        "\"FRAME " + frame + " 8/8\" about 2 s after frame " + frame + "'s last datagram",
                        Text.of("no FRAME " + frame + " line after " + waited + ", while frame " + other + " sent "
                                        + sent + " rows, one every 0.25 s",
                                "ninguna línea FRAME " + frame + " tras " + waited + ", mientras el fotograma " + other
                                        + " enviaba " + sent + " filas, una cada 0,25 s"), null);
            }
            FrameLine line = expectFrame(server, frame, image, image.sources(rows), rows.size(), Duration.ofMillis(250));
            expectIdleWrite(frame, lastSentAt, new FrameLine(frame, line.received(), line.height(), seenAt));
            send(udp, List.of(end(other), end(other), end(other)));
            ReceiverOutput.expectCounts(ReceiverOutput.awaitFrameLine(server, other, frameWithin(server), step), sent,
                    busy.height, Text.of("the FRAME line of frame " + other, "la línea FRAME del fotograma " + other));
        }
    }

    @Requirement(clause = "US-5", points = 1,
            title = "counts the 2 idle seconds from the frame's last datagram, not its first",
            titleEs = "cuenta los 2 s de inactividad desde el último datagrama del fotograma, no desde el primero",
            hint = "restart a frame's idle clock on every datagram of that frame, so a slow sender is not cut short",
            hintEs = "reinicia el reloj de inactividad de un fotograma con cada datagrama suyo, para no cortar a un emisor lento")
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

    @Requirement(clause = "US-6", points = 2,
            title = "drops a frame whose HEADER never arrives, and then writes the next frame",
            titleEs = "descarta un fotograma cuyo HEADER nunca llega y después escribe el siguiente",
            hint = "without a HEADER you know neither width nor height: write nothing and print nothing for that frame",
            hintEs = "sin HEADER no conoces ni el ancho ni el alto: no escribas ni imprimas nada para ese fotograma")
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
                throw ConformanceFailure.wrongOutput(step, "no FRAME " + lost + " line",
                        Text.of("a FRAME " + lost + " line", "una línea FRAME " + lost));
            }
            if (Files.exists(ReceiverOutput.frameFile(server, lost))) {
                throw ConformanceFailure.wrongOutput(step, "no file frame-" + lost + ".png",
                        Text.of("frame-" + lost + ".png was written", "se escribió frame-" + lost + ".png"));
            }
        }
    }

    @Requirement(clause = "US-7", points = 1,
            title = "counts a row sent twice once",
            titleEs = "cuenta una sola vez una fila enviada dos veces",
            hint = "mark each row as received (a boolean per y) and count the marks, not the datagrams",
            hintEs = "marca cada fila como recibida (un booleano por y) y cuenta las marcas, no los datagramas")
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

    @Requirement(clause = "US-7", points = 1,
            title = "assembles rows sent in random order, twice each, with the HEADER last-but-one",
            titleEs = "monta filas enviadas en orden aleatorio, dos veces cada una, con el HEADER en penúltimo lugar",
            hint = "place each row by its y, never by arrival order; the HEADER may come after the rows",
            hintEs = "coloca cada fila según su y, nunca por orden de llegada; el HEADER puede llegar después de las filas")
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

    /** Sends hostile datagrams, then a normal frame that must still be written correctly. */
    private static void survives(ServerUnderTest server, Random random, List<byte[]> hostile, long frame, Text what)
            throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        try (DatagramProbe udp = server.datagrams()) {
            send(udp, hostile);
            streamAndExpect(server, udp, frame, image, rowsExcept(8));
        }
        server.expectAlive(what);
    }

    @Requirement(clause = "US-8", points = 1,
            title = "survives garbage, empty, unknown and truncated datagrams",
            titleEs = "sobrevive a datagramas basura, vacíos, desconocidos y truncados",
            hint = "check a datagram's length against its type before reading any field; ignore anything that does not fit",
            hintEs = "comprueba la longitud de cada datagrama según su tipo antes de leer ningún campo; ignora lo que no encaje")
    void survivesMalformedDatagrams(ServerUnderTest server, Random random) throws Exception {
        byte[] garbage = new byte[100];
        random.nextBytes(garbage);
        garbage[0] = 0x7F;
        long frame = 80;
        byte[] header = header(frame, 16, 8);
        byte[] row = row(frame, 0, new byte[48]);
        List<byte[]> hostile = List.of(garbage, new byte[0], new byte[] {0x09, 0, 0, 0, 80, 1, 2, 3},
                new byte[] {StreamDatagrams.HEADER}, new byte[] {StreamDatagrams.ROW}, new byte[] {StreamDatagrams.END},
                Arrays.copyOf(header, 5), Arrays.copyOf(header, 8), Arrays.copyOf(row, 3), Arrays.copyOf(row, 6),
                Arrays.copyOf(end(frame), 3));
        survives(server, random, hostile, 81, Text.of("after malformed datagrams", "tras datagramas mal formados"));
    }

    @Requirement(clause = "US-8", points = 1,
            title = "survives HEADERs with width 0, width 481 and height 0",
            titleEs = "sobrevive a HEADER con ancho 0, ancho 481 y alto 0",
            hint = "ignore a HEADER whose width is not 1..480 or whose height is 0, before allocating anything",
            hintEs = "ignora un HEADER cuyo ancho no esté en 1..480 o cuyo alto sea 0, antes de reservar nada")
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
                        "el fotograma " + ignored + ", de HEADER imposible"), "no FRAME " + ignored + " line",
                        Text.of("a FRAME " + ignored + " line", "una línea FRAME " + ignored));
            }
        }
    }

    @Requirement(clause = "US-8", points = 1,
            title = "ignores rows out of range, of another width or 1 byte short, and keeps assembling",
            titleEs = "ignora filas fuera de rango, de otro ancho o con 1 byte de menos, y sigue montando",
            hint = "a ROW is valid only with y < height and exactly 3 x width bytes of pixels; skip it otherwise, never index past the buffer",
            hintEs = "una ROW solo es válida con y < alto y exactamente 3 x ancho bytes de píxeles; si no, sáltala, nunca indexes fuera del búfer")
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

    @Requirement(clause = "US-9", points = 1,
            title = "ignores late datagrams for a frame already written",
            titleEs = "ignora datagramas tardíos de un fotograma ya escrito",
            hint = "remember the frame numbers you have written and drop every later datagram for them",
            hintEs = "recuerda los números de fotograma ya escritos y descarta cualquier datagrama posterior para ellos")
    void ignoresLateDatagrams(ServerUnderTest server, Random random) throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        TestImage other = TestImage.random(random, 16, 8);
        TestImage next = TestImage.random(random, 16, 8);
        long frame = 90;
        try (DatagramProbe udp = server.datagrams()) {
            streamAndExpect(server, udp, frame, image, rowsExcept(8));
            send(udp, List.of(row(frame, 0, other.rowBytes(0)), header(frame, 16, 8), row(frame, 1, other.rowBytes(1)),
                    end(frame), end(frame)));
            // The next frame's line proves the late datagrams, sent before it, have been read.
            streamAndExpect(server, udp, 91, next, rowsExcept(8));
        }
        Text step = Text.of("frame " + frame + " after late datagrams for it", "el fotograma " + frame + " tras datagramas tardíos");
        int lines = ReceiverOutput.frameLines(server, frame);
        if (lines != 1) {
            throw ConformanceFailure.wrongOutput(step, "one FRAME " + frame + " line",
                    Text.of(lines + " FRAME " + frame + " lines", lines + " líneas FRAME " + frame));
        }
        BufferedImage again = ReceiverOutput.awaitPng(server, frame, server.timeouts().seconds(2), step);
        image.expectFrame(again, image.allRows(), step);
    }

    @Requirement(clause = "US-9", points = 1,
            title = "assembles two interleaved frames, each into its own file",
            titleEs = "monta dos fotogramas intercalados, cada uno en su propio fichero",
            hint = "keep the state of each frame apart (a map from frame number to frame)",
            hintEs = "guarda por separado el estado de cada fotograma (un mapa de número de fotograma a fotograma)")
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
