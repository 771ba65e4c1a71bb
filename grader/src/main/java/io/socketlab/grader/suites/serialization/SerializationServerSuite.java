package io.socketlab.grader.suites.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.Concurrently;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.Slicing;
import io.socketlab.grader.process.PeakMemory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** The report server: framing, length limits, validation, listing, durability and concurrent clients. */
@ExerciseSuite(exercise = "serialization", program = Program.SERVER)
class SerializationServerSuite {

    /** Restarts the server on a new, empty store, so the test knows every report in it. */
    private static Path freshStore(ServerUnderTest server, String name) {
        Path store = server.dataDir().resolve(name + ".jsonl");
        server.restartWith(List.of("--store", store.toString()));
        return store;
    }

    @Baseline
    @Requirement(clause = "SER-3", points = 1)
    void acceptsAValidReport(ServerUnderTest server) throws Exception {
        try (FrameConnection connection = FrameConnection.open(server)) {
            connection.send(Frames.report("baseline-host")).expectOk();
        }
    }

    @Requirement(clause = "SER-3", points = 1)
    void givesIncreasingIds(ServerUnderTest server) throws Exception {
        freshStore(server, "ids");
        try (FrameConnection first = FrameConnection.open(server); FrameConnection second = FrameConnection.open(server)) {
            long id = first.send(Frames.report("host-a0")).expectOk();
            if (id != 1) {
                throw ConformanceFailure.wrongOutput(Text.of("the id of the first report of a new store",
                        "el id del primer informe de un almacén nuevo"), Text.same("1"), Text.same(Long.toString(id)));
            }
            for (int i = 0; i < 3; i++) {
                id = second.send(Frames.report("host-b" + i)).expectOkAfter(id);
                id = first.send(Frames.report("host-a" + (i + 1))).expectOkAfter(id);
            }
        }
    }

    /** Valid requests a strict or naive server refuses: every one of them must be accepted. */
    private static List<String> edgeValidReports() {
        List<String> valid = new ArrayList<>();
        ObjectNode extra = Frames.report("extra-fields");
        extra.put("uptime", 12345).putObject("nested").put("x", 1);
        valid.add(extra.toString());
        ObjectNode wide = Frames.report("😀".repeat(256));
        wide.put("os", "é".repeat(256));
        valid.add(wide.toString());
        for (String timestamp : List.of("2026-06-03T12:48:08.5-05:00", "2026-06-03t17:48:08z",
                "2026-06-03T23:18:08.123456789+05:30", "2026-06-03T17:48:08.1234567890123Z", "2026-06-03T17:48:08-00:00")) {
            valid.add(Frames.report("time-" + timestamp).put("timestamp", timestamp).toString());
        }
        // Members in another order, whitespace with line ends around and between them, escapes in the strings.
        valid.add("""
                {
                  "os": "Linux 6.1",
                  "runtime": "Grader\\n1.0",
                  "timestamp": "2026-06-03T17:48:08Z",
                  "hostname": "pair-\\ud83d\\ude00",
                  "type": "report"
                }
                """);
        return valid;
    }

    @Requirement(clause = "SER-3", points = 1)
    void acceptsEdgeValidReports(ServerUnderTest server) throws Exception {
        try (FrameConnection connection = FrameConnection.open(server)) {
            for (String report : edgeValidReports()) {
                connection.sendBody(report).expectOk();
            }
        }
    }

    @Requirement(clause = "SER-1", points = 1)
    void readsASplitFrame(ServerUnderTest server) throws Exception {
        String hostname = "ñandú-😀-日本語-ĉeĥoŝanĝo-ü-split";
        byte[] frame = Frames.frame(Frames.report(hostname).toString());
        try (FrameConnection connection = FrameConnection.open(server)) {
            // Every byte its own segment: the prefix slowly, the body too, so its multibyte characters are cut.
            connection.probe().send(Arrays.copyOf(frame, 4), Slicing.everyByte().pausing(Duration.ofMillis(20)));
            long id = connection.sendFrame(Arrays.copyOfRange(frame, 4, frame.length), Slicing.everyByte().pausing(Duration.ofMillis(2)),
                    Text.of("a report sent one byte per segment", "un informe enviado a un byte por segmento")).expectOk();
            connection.expectListed(id, hostname);
        }
    }

    @Requirement(clause = "SER-1", points = 1)
    void answersCoalescedFrames(ServerUnderTest server) throws Exception {
        byte[] third = Frames.frame(Frames.report("coalesced-3").toString());
        try (FrameConnection connection = FrameConnection.open(server)) {
            // Two whole frames and the start of a third in one segment; the rest of the third a moment later.
            connection.sendFrame(Frames.concat(Frames.frame(Frames.report("coalesced-1").toString()),
                            Frames.frame("{\"type\":\"list\"}"), Arrays.copyOf(third, 2)), Slicing.WHOLE,
                    Text.of("a report, a list and 2 bytes of a third frame, in one segment",
                            "un informe, una lista y 2 bytes de una tercera trama, en un segmento"));
            long id = connection.expectOk();
            JsonNode reports = connection.expectReports();
            if (reports.isEmpty() || reports.get(reports.size() - 1).path("id").asLong() != id) {
                throw ConformanceFailure.wrongOutput(Text.of("the list answered second", "la lista respondida en segundo lugar"),
                        Text.format("reports ending with id %d", "informes que terminan con el id %d", id), Frames.shown(reports));
            }
            connection.sendFrame(Arrays.copyOfRange(third, 2, third.length), Slicing.pieces(64).pausing(Duration.ofMillis(20)),
                    Text.of("the rest of the third frame", "lo que faltaba de la tercera trama")).expectOkAfter(id);
        }
    }

    /** A valid report whose body is exactly {@code length} bytes long. */
    private static String reportOfLength(int length) {
        ObjectNode big = Frames.report("big-frame");
        big.put("padding", "");
        big.put("padding", "p".repeat(length - Bytes.utf8(big.toString()).length));
        return big.toString();
    }

    @Requirement(clause = "SER-1", points = 1)
    void readsALargeFrame(ServerUnderTest server) throws Exception {
        try (FrameConnection connection = FrameConnection.open(server)) {
            connection.sendBody(reportOfLength(Frames.MAX_LENGTH - 4096)).expectOk();
        }
    }

    private static void expectBadLengthThenClose(ServerUnderTest server, long length) throws Exception {
        try (FrameConnection connection = FrameConnection.open(server)) {
            connection.sendFrame(Frames.lengthOnly(length), Slicing.WHOLE,
                    Text.format("a prefix announcing %d bytes", "un prefijo que anuncia %d bytes", length))
                    .expectBadLengthThenClose();
        }
    }

    @Requirement(clause = "SER-2", points = 1)
    void refusesZeroLength(ServerUnderTest server) throws Exception {
        expectBadLengthThenClose(server, 0);
    }

    @Requirement(clause = "SER-2", points = 1)
    void refusesLengthsAboveTheLimit(ServerUnderTest server) throws Exception {
        try (FrameConnection connection = FrameConnection.open(server)) {
            connection.sendBody(reportOfLength(Frames.MAX_LENGTH)).expectOk();
        }
        // One byte too many, and two lengths that a signed 32-bit reading turns negative: 2^31 and 2^32 - 1.
        for (long length : new long[] {Frames.MAX_LENGTH + 1L, 1L << 31, (1L << 32) - 1}) {
            expectBadLengthThenClose(server, length);
        }
    }

    @Requirement(clause = "SER-2", points = 1)
    void refusesAHugeLengthWithoutAllocating(ServerUnderTest server) throws Exception {
        // The peak, not the current size: a buffer allocated and freed at once is seen however late the grader looks.
        Optional<PeakMemory> memory = server.program().watchPeakMemory();
        expectBadLengthThenClose(server, 0x7FFF_FFF0L);
        server.expectAlive();
        long grownMib = memory.flatMap(m -> m.growthKib().stream().boxed().findFirst()).orElse(0L) / 1024;
        if (grownMib > 256) {
            throw ConformanceFailure.wrongOutput(Text.of("the server's peak memory after a 2 GiB announcement",
                    "el máximo de memoria del servidor tras un anuncio de 2 GiB"),
                    Text.of("no large allocation", "ninguna reserva grande"),
                    Text.format("its resident memory rose by %d MiB", "su memoria residente subió %d MiB", grownMib));
        }
    }

    private static final List<String> BAD_JSON = List.of(
            "{", "not json", "{\"type\": \"report\", \"hostname\": }", "{'type': 'list'}", "[1, 2", " ",
            "{\"type\":\"list\"", "nul", "\"unterminated", "{\"type\" \"list\"}", "{\"type\":\"list\",}",
            "{\"type\":\"list\"} {\"type\":\"list\"}", "{\"type\":\"list\"} // a comment",
            "{\"type\":\"list\",\"load\":NaN}", "{\"type\":\"list\",\"load\":Infinity}",
            "{\"type\":\"list\",\"load\":-Infinity}");

    @Requirement(clause = "SER-4", points = 1)
    void answersBadJson(ServerUnderTest server) throws Exception {
        try (FrameConnection connection = FrameConnection.open(server)) {
            for (String body : BAD_JSON) {
                connection.sendBody(body).expectError("bad-json");
            }
            connection.send(Frames.report("after-bad-json")).expectOk();
        }
    }

    /** Requests that are JSON objects, or other JSON values, but not valid requests. */
    private static List<String> badRequests() {
        List<String> wrong = new ArrayList<>(List.of("[]", "\"report\"", "42", "null", "{}", "{\"type\":\"explode\"}",
                "{\"type\":42}", Frames.report("case").put("type", "Report").toString()));
        for (String field : List.of("hostname", "timestamp", "runtime", "os")) {
            ObjectNode missing = Frames.report("missing-" + field);
            missing.remove(field);
            wrong.add(missing.toString());
            wrong.add(Frames.report("number-" + field).put(field, 123).toString());
        }
        ObjectNode noType = Frames.report("no-type");
        noType.remove("type");
        wrong.add(noType.toString());
        wrong.add(Frames.report("").toString());
        wrong.add(Frames.report("x".repeat(257)).toString());
        wrong.add(Frames.report("null-os").putNull("os").toString());
        wrong.add(Frames.report("true-os").put("os", true).toString());
        ObjectNode array = Frames.report("array-os");
        array.putArray("os").add("Linux");
        wrong.add(array.toString());
        // An escaped half of a surrogate pair is no character at all (Jackson and Python both let it through).
        wrong.add(Frames.report("lone").toString().replace("\"lone\"", "\"lone-\\ud800\""));
        for (String timestamp : List.of("2026-06-03", "2026-06-03T17:48Z", "2026-06-03T17:48:08", "yesterday",
                "2026-13-03T17:48:08Z", "2026-06-03T25:48:08Z", "", "2026-06-03 17:48:08Z", "2026-06-03T17:48:08+0530",
                "2026-06-03T17:48:08+05:30:10", "2026-06-03T17:48:08.Z", "20260603T174808Z", "2026-02-30T10:00:00Z",
                "2026-06-03T24:00:00Z", "2026-06-03T17:60:08Z", "2026-06-03T17:48:60Z", "2026-06-03T17:48:08+24:00",
                "2026-06-03T1\u0663:48:08Z")) {
            wrong.add(Frames.report("bad-time").put("timestamp", timestamp).toString());
        }
        return wrong;
    }

    @Requirement(clause = "SER-4", points = 2)
    void answersBadRequest(ServerUnderTest server) throws Exception {
        try (FrameConnection connection = FrameConnection.open(server)) {
            for (String body : badRequests()) {
                connection.sendBody(body).expectError("bad-request");
            }
            connection.send(Frames.report("after-bad-request")).expectOk();
        }
    }

    @Requirement(clause = "SER-4", points = 1)
    void handlesInvalidUtf8AndDeepNesting(ServerUnderTest server) throws Exception {
        byte[] body = Bytes.utf8(Frames.report("XX").toString());
        int at = new String(body, StandardCharsets.UTF_8).indexOf("XX");
        body[at] = (byte) 0xff;
        body[at + 1] = (byte) 0xfe;
        try (FrameConnection connection = FrameConnection.open(server)) {
            boolean answered = connection.sendFrame(Frames.frame(body), Slicing.WHOLE,
                            Text.of("a report with invalid UTF-8 in its hostname", "un informe con UTF-8 inválido en su hostname"))
                    .expectErrorOrClose("bad-json");
            if (answered) {
                connection.send(Frames.report("after-invalid-utf8")).expectOk();
            }
        }
        try (FrameConnection connection = FrameConnection.open(server)) {
            // 10,000 levels: a recursive parser runs out of stack; refusing it as bad-json is allowed, dying is not.
            String deep = "{\"type\":\"list\",\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
            JsonNode answer = connection.sendFrame(Frames.frame(deep), Slicing.WHOLE,
                    Text.of("a list request with JSON nested 10,000 levels deep", "una petición list con JSON anidado 10.000 niveles"))
                    .read();
            if (!"ok".equals(answer.path("status").asText()) && !"bad-json".equals(answer.path("error").asText())) {
                throw ConformanceFailure.wrongOutput(Text.of("the server's reply to JSON nested 10,000 levels deep",
                        "la respuesta del servidor a un JSON anidado 10.000 niveles"),
                        Text.of("the list, or bad-json", "la lista, o bad-json"), Frames.shown(answer));
            }
            connection.send(Frames.report("after-deep-json")).expectOk();
        }
    }

    @Requirement(clause = "SER-5", points = 2)
    void listsRecentReports(ServerUnderTest server) throws Exception {
        freshStore(server, "list");
        Instant start = Instant.now();
        try (FrameConnection connection = FrameConnection.open(server)) {
            Listing.expect(connection.list(), List.of(), start);
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= 103; i++) {
                // type and the extra member are not stored: the list shows the six members only.
                ObjectNode report = Frames.report("list-host-" + i);
                report.putArray("tags").add("lab");
                ids.add(connection.send(report).expectOk());
                if (i == 3) {
                    Listing.expect(connection.list(), ids, start);
                }
            }
            Listing.expect(connection.list(), ids.subList(3, 103), start);
        }
    }

    @Requirement(clause = "SER-6", points = 1)
    void acknowledgedReportsSurviveKill(ServerUnderTest server) throws Exception {
        // A store whose very first line a kill tore: nothing in it was ever acknowledged.
        Path store = server.dataDir().resolve("durable.jsonl");
        Files.write(store, Bytes.utf8("{\"hostname\":\"torn-first\",\"timesta"));
        server.restartWith(List.of("--store", store.toString()));
        long id;
        try (FrameConnection connection = FrameConnection.open(server)) {
            id = connection.send(Frames.report("durable-host")).expectOk();
            server.kill();
        }
        // What a kill in the middle of writing the next line leaves: its start, without LF, never acknowledged.
        Files.write(store, Bytes.utf8("{\"hostname\":\"torn-by-a-kill\",\"timestamp\":\"2026-06-03T17:4"),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        server.restart();
        try (FrameConnection connection = FrameConnection.open(server)) {
            connection.expectListed(id, "durable-host").send(Frames.report("after-the-kill")).expectOkAfter(id);
        }
    }

    @Requirement(clause = "SER-6", points = 1)
    void refusesAStoreItCannotUse(ServerUnderTest server) throws Exception {
        // A folder can be neither read nor appended to as a file. (A FILE in a missing folder is not tested: the
        // spec promises the folder exists, so a server may as well create it.)
        Path folder = Files.createDirectories(server.dataDir().resolve("folder.jsonl"));
        server.runExpectingExit(List.of("--store", folder.toString()), server.timeouts().seconds(10))
                .expectExitCode(2).expectOneErrorLine();
    }

    @Requirement(clause = "SER-6", points = 1)
    void continuesAfterRestart(ServerUnderTest server) throws Exception {
        freshStore(server, "restart");
        long before;
        try (FrameConnection connection = FrameConnection.open(server)) {
            before = connection.send(Frames.report("before-restart")).expectOk();
        }
        server.restart();
        try (FrameConnection connection = FrameConnection.open(server)) {
            long after = connection.send(Frames.report("after-restart")).expectOkAfter(before);
            connection.expectListed(before, "before-restart").expectListed(after, "after-restart");
        }
    }

    @Requirement(clause = "SER-6", points = 1)
    void storesJsonLines(ServerUnderTest server) throws Exception {
        Path store = freshStore(server, "lines");
        List<Long> ids = new ArrayList<>();
        try (FrameConnection connection = FrameConnection.open(server)) {
            for (String host : List.of("line-1", "línea-2")) {
                ids.add(connection.send(Frames.report(host)).expectOk());
            }
        }
        List<JsonNode> lines = Listing.storeLines(store);
        if (lines.size() != 2 || !lines.get(1).path("hostname").asText().equals("línea-2")
                || lines.get(1).path("id").asLong() != ids.get(1) || !lines.get(1).has("received")) {
            throw ConformanceFailure.wrongOutput(Text.of("the store file after two reports", "el fichero del almacén tras dos informes"),
                    Text.format("2 JSON lines, the second with hostname línea-2, id %d and received",
                            "2 líneas JSON, la segunda con hostname línea-2, id %d y received", ids.get(1)),
                    Text.same(lines.toString()));
        }
    }

    @Requirement(clause = "SER-7", points = 2)
    void handlesConcurrentReporters(ServerUnderTest server) throws Exception {
        Path store = freshStore(server, "concurrent");
        int clients = 20;
        List<FrameConnection> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            connections.add(FrameConnection.open(server));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Long>> reporting = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            FrameConnection connection = connections.get(i);
            String host = "concurrent-" + i;
            reporting.add(Concurrently.start(() -> {
                go.await();
                return connection.send(Frames.report(host)).expectOk();
            }));
        }
        go.countDown();
        Set<Long> unique = new HashSet<>(Concurrently.awaitAll(reporting, server.timeouts().seconds(30),
                Text.of("20 concurrent reports", "20 informes concurrentes"), Text.of("20 ok answers", "20 respuestas ok")));
        connections.forEach(FrameConnection::close);
        if (unique.size() != clients) {
            throw ConformanceFailure.integrity(Text.of("the ids of 20 concurrent reports", "los ids de 20 informes concurrentes"),
                    Text.of("20 different ids", "20 ids distintos"),
                    Text.format("%d different ids: %s", "%d ids distintos: %s", unique.size(), unique));
        }
        int lines = Listing.storeLines(store).size();
        if (lines != clients) {
            throw ConformanceFailure.integrity(Text.of("the store after 20 concurrent reports", "el almacén tras 20 informes concurrentes"),
                    Text.of("20 lines, one per report", "20 líneas, una por informe"),
                    Text.format("%d lines", "%d líneas", lines));
        }
    }

    @Requirement(clause = "SER-8", points = 1, level = Level.SHOULD)
    void exitsZeroOnSigterm(ServerUnderTest server) throws Exception {
        server.connect().close();
        server.expectCleanTermination();
    }
}
