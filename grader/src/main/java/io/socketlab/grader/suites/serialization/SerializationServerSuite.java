package io.socketlab.grader.suites.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.process.PeakMemory;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.Concurrently;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
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
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** The report server: framing, length limits, validation, listing, durability and concurrent clients. */
@ExerciseSuite(exercise = "serialization", program = Program.SERVER, serverArguments = {"--store", "{data}/reports.jsonl"})
class SerializationServerSuite {

    private static final Text OK_REPLY = Text.of("reply to a valid report", "respuesta a un informe válido");

    private static Text step(String en, String es) {
        return Text.of(en, es);
    }

    /** Restarts the server on a new, empty store, so the test knows every report in it. */
    private static Path freshStore(ServerUnderTest server, String name) {
        Path store = server.dataDir().resolve(name + ".jsonl");
        server.restartWith(List.of("--store", store.toString()));
        return store;
    }

    @Baseline
    @Requirement(clause = "SER-3", points = 1)
    void acceptsAValidReport(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            Frames.send(probe, Frames.report("baseline-host"));
            Frames.expectOk(probe, OK_REPLY);
        }
    }

    @Requirement(clause = "SER-3", points = 1)
    void givesIncreasingIds(ServerUnderTest server) throws Exception {
        freshStore(server, "ids");
        List<Long> ids = new ArrayList<>();
        try (TcpProbe first = server.connect(); TcpProbe second = server.connect()) {
            for (int i = 0; i < 3; i++) {
                Frames.send(first, Frames.report("host-a" + i));
                ids.add(Frames.expectOk(first, OK_REPLY));
                Frames.send(second, Frames.report("host-b" + i));
                ids.add(Frames.expectOk(second, OK_REPLY));
            }
        }
        boolean increasing = ids.get(0) == 1;
        for (int i = 1; i < ids.size(); i++) {
            increasing &= ids.get(i) > ids.get(i - 1);
        }
        if (!increasing) {
            throw ConformanceFailure.wrongOutput(step("ids of the first six reports of a new store",
                    "ids de los seis primeros informes de un almacén nuevo"), "1, then strictly increasing ids", ids.toString());
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
        try (TcpProbe probe = server.connect()) {
            for (String report : edgeValidReports()) {
                probe.send(Frames.frame(report));
                String shown = Bytes.quote(report.length() > 100 ? report.substring(0, 100) + "..." : report);
                Frames.expectOk(probe, step("reply to " + shown, "respuesta a " + shown));
            }
        }
    }

    @Requirement(clause = "SER-1", points = 1)
    void readsASplitFrame(ServerUnderTest server) throws Exception {
        String hostname = "ñandú-😀-日本語-ĉeĥoŝanĝo-ü-split";
        try (TcpProbe probe = server.connect()) {
            byte[] frame = Frames.frame(Frames.report(hostname).toString());
            // Every byte its own segment: the prefix slowly, the body too, so its multibyte characters are cut.
            probe.sendSliced(Arrays.copyOf(frame, 4), 1, Duration.ofMillis(20));
            probe.sendSliced(Arrays.copyOfRange(frame, 4, frame.length), 1, Duration.ofMillis(2));
            long id = Frames.expectOk(probe, step("reply to a frame sent one byte per segment",
                    "respuesta a una trama enviada a un byte por segmento"));
            Text listed = step("the list after a report sent in pieces", "la lista tras un informe enviado en trozos");
            JsonNode report = Frames.withId(Frames.list(probe, listed), id);
            if (report == null || !report.path("hostname").asText().equals(hostname)) {
                throw ConformanceFailure.wrongOutput(listed, "report " + id + " with hostname " + hostname
                        + " (its characters decoded whole, however the bytes were cut)", Text.same(String.valueOf(report)));
            }
        }
    }

    @Requirement(clause = "SER-1", points = 1)
    void answersCoalescedFrames(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            byte[] third = Frames.frame(Frames.report("coalesced-3").toString());
            // Two whole frames and the start of a third in one segment; the rest of the third a moment later.
            probe.send(Frames.concat(Frames.frame(Frames.report("coalesced-1").toString()),
                    Frames.frame("{\"type\":\"list\"}"), Arrays.copyOf(third, 2)));
            long id = Frames.expectOk(probe, step("reply to the first of the frames sent in one segment",
                    "respuesta a la primera de las tramas enviadas en un segmento"));
            JsonNode list = Frames.read(probe, step("reply to the second (a list)", "respuesta a la segunda (una lista)"));
            JsonNode reports = list.path("reports");
            if (!reports.isArray() || reports.isEmpty() || reports.get(reports.size() - 1).path("id").asLong() != id) {
                throw ConformanceFailure.wrongOutput(step("the list after the report", "la lista tras el informe"),
                        "reports ending with id " + id, Frames.cut(list));
            }
            probe.sendSliced(Arrays.copyOfRange(third, 2, third.length), 64, Duration.ofMillis(20));
            long next = Frames.expectOk(probe, step("reply to the third frame, whose prefix was cut after 2 bytes",
                    "respuesta a la tercera trama, cuyo prefijo se cortó tras 2 bytes"));
            if (next <= id) {
                throw ConformanceFailure.wrongOutput(step("id of the third frame's report", "id del informe de la tercera trama"),
                        "an id greater than " + id, Long.toString(next));
            }
        }
    }

    /** A valid report whose body is exactly {@code length} bytes long. */
    private static byte[] reportOfLength(int length) {
        ObjectNode big = Frames.report("big-frame");
        big.put("padding", "");
        big.put("padding", "p".repeat(length - Bytes.utf8(big.toString()).length));
        return Bytes.utf8(big.toString());
    }

    @Requirement(clause = "SER-1", points = 1)
    void readsALargeFrame(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            byte[] body = reportOfLength(Frames.MAX_LENGTH - 4096);
            probe.send(Frames.frame(body));
            Frames.expectOk(probe, step("reply to a frame of " + body.length + " bytes", "respuesta a una trama de " + body.length + " bytes"));
        }
    }

    private static void expectBadLengthThenClose(ServerUnderTest server, long length) throws Exception {
        try (TcpProbe probe = server.connect()) {
            probe.send(Frames.lengthOnly(length));
            Text step = step("reply to a frame announcing " + length + " bytes", "respuesta a una trama que anuncia " + length + " bytes");
            Frames.expectError(probe, step, "bad-length");
            probe.expectClosed(step("after bad-length", "tras bad-length"), probe.replyTimeout());
        }
    }

    @Requirement(clause = "SER-2", points = 1)
    void refusesZeroLength(ServerUnderTest server) throws Exception {
        expectBadLengthThenClose(server, 0);
    }

    @Requirement(clause = "SER-2", points = 1)
    void refusesLengthsAboveTheLimit(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            byte[] body = reportOfLength(Frames.MAX_LENGTH);
            probe.send(Frames.frame(body));
            Frames.expectOk(probe, step("reply to a frame of exactly 1048576 bytes (the largest allowed)",
                    "respuesta a una trama de exactamente 1048576 bytes (la mayor permitida)"));
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
        server.expectAlive(step("after a 2 GiB announcement", "tras un anuncio de 2 GiB"));
        long grownMib = memory.flatMap(m -> m.growthKib().stream().boxed().findFirst()).orElse(0L) / 1024;
        if (grownMib > 256) {
            throw ConformanceFailure.wrongOutput(step("the server's peak memory after a 2 GiB announcement",
                    "el máximo de memoria del servidor tras un anuncio de 2 GiB"), "no large allocation",
                    Text.of("its resident memory rose by " + grownMib + " MiB",
                            "su memoria residente subió " + grownMib + " MiB"));
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
        try (TcpProbe probe = server.connect()) {
            for (String body : BAD_JSON) {
                probe.send(Frames.frame(body));
                Frames.expectError(probe, step("reply to the body " + Bytes.quote(body), "respuesta al cuerpo " + Bytes.quote(body)),
                        "bad-json");
            }
            Frames.send(probe, Frames.report("after-bad-json"));
            Frames.expectOk(probe, step("a valid report on the same connection afterwards", "un informe válido en la misma conexión después"));
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
        try (TcpProbe probe = server.connect()) {
            for (String body : badRequests()) {
                probe.send(Frames.frame(body));
                String shown = body.length() > 80 ? body.substring(0, 80) + "..." : body;
                Frames.expectError(probe, step("reply to " + shown, "respuesta a " + shown), "bad-request");
            }
            Frames.send(probe, Frames.report("after-bad-request"));
            Frames.expectOk(probe, step("a valid report on the same connection afterwards", "un informe válido en la misma conexión después"));
        }
    }

    @Requirement(clause = "SER-4", points = 1)
    void handlesInvalidUtf8AndDeepNesting(ServerUnderTest server) throws Exception {
        Text afterwards = step("a valid report on the same connection afterwards", "un informe válido en la misma conexión después");
        try (TcpProbe probe = server.connect()) {
            byte[] body = Bytes.utf8(Frames.report("XX").toString());
            int at = new String(body, StandardCharsets.UTF_8).indexOf("XX");
            body[at] = (byte) 0xff;
            body[at + 1] = (byte) 0xfe;
            probe.send(Frames.frame(body));
            Text step = step("reply to a report with invalid UTF-8 in its hostname", "respuesta a un informe con UTF-8 inválido en su hostname");
            JsonNode reply = Frames.readOrClose(probe, step);
            if (reply != null) {
                if (!"bad-json".equals(reply.path("error").asText())) {
                    throw ConformanceFailure.wrongOutput(step, "bad-json (or a close)", Frames.cut(reply));
                }
                Frames.send(probe, Frames.report("after-invalid-utf8"));
                Frames.expectOk(probe, afterwards);
            }
        }
        try (TcpProbe probe = server.connect()) {
            // 10,000 levels: a recursive parser runs out of stack; refusing it as bad-json is allowed, dying is not.
            String deep = "{\"type\":\"list\",\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
            probe.send(Frames.frame(deep));
            Text step = step("reply to a list request with JSON nested 10,000 levels deep",
                    "respuesta a una petición list con JSON anidado 10.000 niveles");
            JsonNode reply = Frames.read(probe, step);
            String status = reply.path("status").asText();
            if (!status.equals("ok") && !"bad-json".equals(reply.path("error").asText())) {
                throw ConformanceFailure.wrongOutput(step, "the list, or bad-json", Frames.cut(reply));
            }
            Frames.send(probe, Frames.report("after-deep-json"));
            Frames.expectOk(probe, afterwards);
        }
    }

    @Requirement(clause = "SER-5", points = 2)
    void listsRecentReports(ServerUnderTest server) throws Exception {
        freshStore(server, "list");
        Instant start = Instant.now();
        Text listStep = step("reply to {\"type\":\"list\"}", "respuesta a {\"type\":\"list\"}");
        try (TcpProbe probe = server.connect()) {
            expectReports(Frames.list(probe, listStep), List.of(), start, listStep);
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= 103; i++) {
                // type and the extra member are not stored: the list shows the six members only.
                ObjectNode report = Frames.report("list-host-" + i);
                report.putArray("tags").add("lab");
                Frames.send(probe, report);
                ids.add(Frames.expectOk(probe, OK_REPLY));
                if (i == 3) {
                    expectReports(Frames.list(probe, listStep), ids, start, listStep);
                }
            }
            expectReports(Frames.list(probe, listStep), ids.subList(3, 103), start, listStep);
        }
    }

    private static final Set<String> LISTED_MEMBERS = Set.of("hostname", "timestamp", "runtime", "os", "id", "received");

    private static void expectReports(JsonNode reports, List<Long> ids, Instant start, Text step) {
        if (reports.size() != ids.size()) {
            throw ConformanceFailure.wrongOutput(step, "{\"status\":\"ok\",\"reports\":[" + ids.size() + " reports]}",
                    Frames.cut(reports));
        }
        for (int i = 0; i < ids.size(); i++) {
            JsonNode report = reports.get(i);
            long expectedHost = ids.size() == 100 ? i + 4 : i + 1;
            Set<String> members = new HashSet<>();
            report.fieldNames().forEachRemaining(members::add);
            String received = report.path("received").asText(null);
            boolean fields = members.equals(LISTED_MEMBERS) && report.path("id").asLong() == ids.get(i)
                    && report.path("hostname").asText().equals("list-host-" + expectedHost)
                    && report.path("timestamp").asText().equals("2026-06-03T17:48:08Z")
                    && report.path("runtime").asText().equals("Grader 1.0") && report.path("os").asText().equals("Linux 6.1")
                    && Frames.isRfc3339(received) && !Frames.instant(received).isBefore(start.minusSeconds(60))
                    && !Frames.instant(received).isAfter(Instant.now().plusSeconds(60));
            if (!fields) {
                throw ConformanceFailure.wrongOutput(step, "report " + (i + 1) + " with exactly the members "
                        + "hostname, timestamp, runtime, os, id " + ids.get(i) + " and received (RFC 3339, the time it "
                        + "was stored), hostname list-host-" + expectedHost, Frames.cut(report));
            }
        }
    }

    @Requirement(clause = "SER-6", points = 1)
    void acknowledgedReportsSurviveKill(ServerUnderTest server) throws Exception {
        Path store = freshStore(server, "durable");
        long id;
        try (TcpProbe probe = server.connect()) {
            Frames.send(probe, Frames.report("durable-host"));
            id = Frames.expectOk(probe, OK_REPLY);
            server.kill();
        }
        // What a kill in the middle of writing the next line leaves: its start, without LF, never acknowledged.
        Files.write(store, Bytes.utf8("{\"hostname\":\"torn-by-a-kill\",\"timestamp\":\"2026-06-03T17:4"),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        server.restart();
        Text step = step("the list after kill -9 (which tore the next line) and a restart",
                "la lista tras kill -9 (que rompió la línea siguiente) y un reinicio");
        try (TcpProbe probe = server.connect()) {
            JsonNode reports = Frames.list(probe, step);
            JsonNode report = Frames.withId(reports, id);
            if (report == null || !report.path("hostname").asText().equals("durable-host")) {
                throw ConformanceFailure.integrity(step, "report " + id + " (durable-host), acknowledged before the kill",
                        Text.of("it is gone: " + Frames.cut(reports), "ha desaparecido: " + Frames.cut(reports)));
            }
            Frames.send(probe, Frames.report("after-the-kill"));
            long next = Frames.expectOk(probe, step("reply to a report after the restart", "respuesta a un informe tras el reinicio"));
            if (next <= id) {
                throw ConformanceFailure.wrongOutput(step("id of the first report after the restart",
                        "id del primer informe tras el reinicio"), "an id greater than " + id, Long.toString(next));
            }
        }
    }

    @Requirement(clause = "SER-6", points = 1)
    void refusesAStoreItCannotUse(ServerUnderTest server) throws Exception {
        // A folder can be neither read nor appended to as a file. (A FILE in a missing folder is not tested: the
        // spec promises the folder exists, so a server may as well create it.)
        Path folder = Files.createDirectories(server.dataDir().resolve("folder.jsonl"));
        server.runExpectingExit(List.of("--store", folder.toString()), server.timeouts().seconds(10))
                .expectExitCode(step("exit code with a store that is a folder", "código de salida con un almacén que es una carpeta"), 2)
                .expectErrorLine(step("stderr with a store that is a folder", "stderr con un almacén que es una carpeta"));
    }

    @Requirement(clause = "SER-6", points = 1)
    void continuesAfterRestart(ServerUnderTest server) throws Exception {
        freshStore(server, "restart");
        long before;
        try (TcpProbe probe = server.connect()) {
            Frames.send(probe, Frames.report("before-restart"));
            before = Frames.expectOk(probe, OK_REPLY);
        }
        server.restart();
        try (TcpProbe probe = server.connect()) {
            Frames.send(probe, Frames.report("after-restart"));
            long after = Frames.expectOk(probe, OK_REPLY);
            if (after <= before) {
                throw ConformanceFailure.wrongOutput(step("id of the first report after a restart", "id del primer informe tras reiniciar"),
                        "an id greater than " + before, Long.toString(after));
            }
            probe.send(Frames.frame("{\"type\":\"list\"}"));
            JsonNode reports = Frames.read(probe, step("list after a restart", "lista tras reiniciar")).path("reports");
            if (reports.size() != 2 || !reports.get(0).path("hostname").asText().equals("before-restart")) {
                throw ConformanceFailure.wrongOutput(step("list after a restart", "lista tras reiniciar"),
                        "before-restart then after-restart", Frames.cut(reports));
            }
        }
    }

    @Requirement(clause = "SER-6", points = 1)
    void storesJsonLines(ServerUnderTest server) throws Exception {
        Path store = freshStore(server, "lines");
        List<Long> ids = new ArrayList<>();
        try (TcpProbe probe = server.connect()) {
            for (String host : List.of("line-1", "línea-2")) {
                Frames.send(probe, Frames.report(host));
                ids.add(Frames.expectOk(probe, OK_REPLY));
            }
        }
        List<JsonNode> lines = storeLines(store, step("reading the store file", "leyendo el fichero del almacén"));
        if (lines.size() != 2 || !lines.get(1).path("hostname").asText().equals("línea-2")
                || lines.get(1).path("id").asLong() != ids.get(1) || !lines.get(1).has("received")) {
            throw ConformanceFailure.wrongOutput(step("the store file after two reports", "el fichero tras dos informes"),
                    "2 JSON lines, the second with hostname línea-2, id " + ids.get(1) + " and received", lines.toString());
        }
    }

    private static List<JsonNode> storeLines(Path store, Text step) throws Exception {
        if (!Files.exists(store)) {
            throw ConformanceFailure.wrongOutput(step, "the file " + store.getFileName(), Text.of("no such file", "no existe"));
        }
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = Frames.JSON.readTree(line);
                if (node == null || !node.isObject()) {
                    throw new java.io.IOException("not an object");
                }
                nodes.add(node);
            } catch (java.io.IOException e) {
                throw ConformanceFailure.integrity(step, "one JSON object per line", Text.same("line " + Bytes.quote(line)));
            }
        }
        return nodes;
    }

    @Requirement(clause = "SER-7", points = 2)
    void handlesConcurrentReporters(ServerUnderTest server) throws Exception {
        Path store = freshStore(server, "concurrent");
        int clients = 20;
        List<TcpProbe> probes = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            probes.add(server.connect());
        }
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Long>> reporting = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            TcpProbe probe = probes.get(i);
            String host = "concurrent-" + i;
            reporting.add(Concurrently.start(() -> {
                go.await();
                Frames.send(probe, Frames.report(host));
                return Frames.expectOk(probe, OK_REPLY);
            }));
        }
        go.countDown();
        Set<Long> unique = new HashSet<>(Concurrently.awaitAll(reporting, server.timeouts().seconds(30),
                step("20 concurrent reports", "20 informes concurrentes"), "20 ok replies"));
        if (unique.size() != clients) {
            throw ConformanceFailure.integrity(step("ids of 20 concurrent reports", "ids de 20 informes concurrentes"),
                    "20 different ids", Text.of(unique.size() + " different ids: " + unique, unique.size() + " ids distintos: " + unique));
        }
        List<JsonNode> lines = storeLines(store, step("the store after 20 concurrent reports", "el almacén tras 20 informes concurrentes"));
        if (lines.size() != clients) {
            throw ConformanceFailure.integrity(step("the store after 20 concurrent reports", "el almacén tras 20 informes concurrentes"),
                    "20 lines", Text.of(lines.size() + " lines", lines.size() + " líneas"));
        }
    }

    @Requirement(clause = "SER-8", points = 1, level = Level.SHOULD)
    void survivesHostileInput(ServerUnderTest server, Random random) throws Exception {
        try (TcpProbe steady = server.connect()) {
            TcpProbe truncated = server.connect();
            truncated.send(Arrays.copyOf(Frames.frame(Frames.report("cut").toString()), 30));
            truncated.close();
            TcpProbe halfPrefix = server.connect();
            halfPrefix.send(new byte[] {0, 0});
            halfPrefix.reset();
            byte[] garbage = new byte[200];
            random.nextBytes(garbage);
            TcpProbe noise = server.connect();
            noise.send(Frames.frame(garbage)).send(garbage);
            noise.reset();
            server.expectAlive(step("after hostile clients", "tras clientes hostiles"));
            Frames.send(steady, Frames.report("steady"));
            Frames.expectOk(steady, step("a report from a client connected all along", "un informe de un cliente conectado todo el tiempo"));
        }
    }

    @Requirement(clause = "SER-8", points = 1, level = Level.SHOULD)
    void exitsZeroOnSigterm(ServerUnderTest server) throws Exception {
        server.connect().close();
        server.expectCleanTermination();
    }
}
