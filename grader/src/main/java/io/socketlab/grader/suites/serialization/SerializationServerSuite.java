package io.socketlab.grader.suites.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.Concurrently;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** The report server: framing, length limits, validation, listing, durability and concurrent clients. */
@ExerciseSuite(exercise = "serialization", program = Program.SERVER)
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
        List<Long> ids = new ArrayList<>();
        try (TcpProbe first = server.connect(); TcpProbe second = server.connect()) {
            for (int i = 0; i < 3; i++) {
                Frames.send(first, Frames.report("host-a" + i));
                ids.add(Frames.expectOk(first, OK_REPLY));
                Frames.send(second, Frames.report("host-b" + i));
                ids.add(Frames.expectOk(second, OK_REPLY));
            }
        }
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i) <= ids.get(i - 1)) {
                throw ConformanceFailure.wrongOutput(step("ids of six reports in a row", "ids de seis informes seguidos"),
                        "strictly increasing ids", ids.toString());
            }
        }
    }

    @Requirement(clause = "SER-3", points = 1)
    void acceptsEdgeValidReports(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            ObjectNode extra = Frames.report("extra-fields");
            extra.put("uptime", 12345).putObject("nested").put("x", 1);
            ObjectNode wide = Frames.report("😀".repeat(256));
            wide.put("os", "é".repeat(256));
            ObjectNode offset = Frames.report("offset");
            offset.put("timestamp", "2026-06-03T12:48:08.5-05:00");
            for (ObjectNode report : List.of(extra, wide, offset)) {
                Frames.send(probe, report);
                Frames.expectOk(probe, step("reply to " + Frames.cut(report), "respuesta a " + Frames.cut(report)));
            }
        }
    }

    @Requirement(clause = "SER-1", points = 1)
    void readsASplitFrame(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            byte[] frame = Frames.frame(Frames.report("split-frame").toString());
            probe.sendSliced(Arrays.copyOf(frame, 12), 1, Duration.ofMillis(20));
            probe.sendSliced(Arrays.copyOfRange(frame, 12, frame.length), 16, Duration.ofMillis(5));
            Frames.expectOk(probe, step("reply to a frame sent in tiny pieces", "respuesta a una trama enviada en trozos"));
        }
    }

    @Requirement(clause = "SER-1", points = 1)
    void answersCoalescedFrames(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            byte[] first = Frames.frame(Frames.report("coalesced-1").toString());
            byte[] second = Frames.frame("{\"type\":\"list\"}");
            byte[] both = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            probe.send(both);
            long id = Frames.expectOk(probe, step("reply to the first of two coalesced frames", "respuesta a la primera de dos tramas juntas"));
            JsonNode list = Frames.read(probe, step("reply to the second (a list)", "respuesta a la segunda (una lista)"));
            JsonNode reports = list.path("reports");
            if (!reports.isArray() || reports.isEmpty() || reports.get(reports.size() - 1).path("id").asLong() != id) {
                throw ConformanceFailure.wrongOutput(step("the list after the report", "la lista tras el informe"),
                        "reports ending with id " + id, Frames.cut(list));
            }
        }
    }

    @Requirement(clause = "SER-1", points = 1)
    void readsALargeFrame(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            ObjectNode big = Frames.report("big-frame");
            big.put("padding", "p".repeat(Frames.MAX_LENGTH - 200));
            byte[] body = Bytes.utf8(big.toString());
            probe.send(Frames.frame(body));
            Frames.expectOk(probe, step("reply to a " + body.length + "-byte frame", "respuesta a una trama de " + body.length + " bytes"));
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
    void refusesOneByteTooMany(ServerUnderTest server) throws Exception {
        expectBadLengthThenClose(server, Frames.MAX_LENGTH + 1);
    }

    @Requirement(clause = "SER-2", points = 1)
    void refusesAHugeLengthWithoutAllocating(ServerUnderTest server) throws Exception {
        OptionalLong before = server.program().residentKib();
        expectBadLengthThenClose(server, 0x7FFF_FFF0L);
        OptionalLong after = server.program().residentKib();
        server.expectAlive(step("after a 2 GiB announcement", "tras un anuncio de 2 GiB"));
        if (before.isPresent() && after.isPresent() && after.getAsLong() - before.getAsLong() > 256 * 1024) {
            throw ConformanceFailure.wrongOutput(step("the server's memory after a 2 GiB announcement",
                    "la memoria del servidor tras un anuncio de 2 GiB"), "no large allocation",
                    Text.of("resident memory grew by " + (after.getAsLong() - before.getAsLong()) / 1024 + " MiB",
                            "la memoria residente creció " + (after.getAsLong() - before.getAsLong()) / 1024 + " MiB"));
        }
    }

    private static final List<String> BAD_JSON = List.of(
            "{", "not json", "{\"type\": \"report\", \"hostname\": }", "{'type': 'list'}", "[1, 2", " ",
            "{\"type\":\"list\"", "nul", "\"unterminated", "{\"type\" \"list\"}");

    @Requirement(clause = "SER-4", points = 2)
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

    @Requirement(clause = "SER-4", points = 2)
    void answersBadRequest(ServerUnderTest server) throws Exception {
        List<String> wrong = new ArrayList<>(List.of("[]", "\"report\"", "42", "null", "{}", "{\"type\":\"explode\"}",
                "{\"type\":42}"));
        for (String field : List.of("hostname", "timestamp", "runtime", "os")) {
            ObjectNode missing = Frames.report("missing-" + field);
            missing.remove(field);
            wrong.add(missing.toString());
            ObjectNode number = Frames.report("number-" + field);
            number.put(field, 123);
            wrong.add(number.toString());
        }
        ObjectNode noType = Frames.report("no-type");
        noType.remove("type");
        wrong.add(noType.toString());
        wrong.add(Frames.report("").toString());
        wrong.add(Frames.report("x".repeat(257)).toString());
        ObjectNode nullOs = Frames.report("null-os");
        nullOs.putNull("os");
        wrong.add(nullOs.toString());
        for (String timestamp : List.of("2026-06-03", "2026-06-03T17:48Z", "2026-06-03T17:48:08", "yesterday",
                "2026-13-03T17:48:08Z", "2026-06-03T25:48:08Z", "")) {
            ObjectNode report = Frames.report("bad-time");
            report.put("timestamp", timestamp);
            wrong.add(report.toString());
        }
        try (TcpProbe probe = server.connect()) {
            for (String body : wrong) {
                probe.send(Frames.frame(body));
                String shown = body.length() > 80 ? body.substring(0, 80) + "..." : body;
                Frames.expectError(probe, step("reply to " + shown, "respuesta a " + shown), "bad-request");
            }
            Frames.send(probe, Frames.report("after-bad-request"));
            Frames.expectOk(probe, step("a valid report on the same connection afterwards", "un informe válido en la misma conexión después"));
        }
    }

    @Requirement(clause = "SER-5", points = 2)
    void listsRecentReports(ServerUnderTest server) throws Exception {
        freshStore(server, "list");
        Text listStep = step("reply to {\"type\":\"list\"}", "respuesta a {\"type\":\"list\"}");
        try (TcpProbe probe = server.connect()) {
            probe.send(Frames.frame("{\"type\":\"list\"}"));
            expectReports(Frames.read(probe, listStep), List.of(), listStep);
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= 103; i++) {
                Frames.send(probe, Frames.report("list-host-" + i));
                ids.add(Frames.expectOk(probe, OK_REPLY));
                if (i == 3) {
                    probe.send(Frames.frame("{\"type\":\"list\"}"));
                    expectReports(Frames.read(probe, listStep), ids, listStep);
                }
            }
            probe.send(Frames.frame("{\"type\":\"list\"}"));
            expectReports(Frames.read(probe, listStep), ids.subList(3, 103), listStep);
        }
    }

    private static void expectReports(JsonNode response, List<Long> ids, Text step) {
        JsonNode reports = response.path("reports");
        if (!"ok".equals(response.path("status").asText()) || !reports.isArray() || reports.size() != ids.size()) {
            throw ConformanceFailure.wrongOutput(step, "{\"status\":\"ok\",\"reports\":[" + ids.size() + " reports]}",
                    Frames.cut(response));
        }
        for (int i = 0; i < ids.size(); i++) {
            JsonNode report = reports.get(i);
            long expectedHost = ids.size() == 100 ? i + 4 : i + 1;
            boolean fields = report.path("id").asLong() == ids.get(i)
                    && report.path("hostname").asText().equals("list-host-" + expectedHost)
                    && report.path("timestamp").asText().equals("2026-06-03T17:48:08Z")
                    && report.path("runtime").asText().equals("Grader 1.0") && report.path("os").asText().equals("Linux 6.1")
                    && Frames.isRfc3339(report.path("received").asText(null));
            if (!fields) {
                throw ConformanceFailure.wrongOutput(step, "report " + (i + 1) + " with id " + ids.get(i)
                        + ", hostname list-host-" + expectedHost + ", its fields and an RFC 3339 received", Frames.cut(report));
            }
        }
    }

    @Requirement(clause = "SER-6", points = 1)
    void acknowledgedReportsSurviveKill(ServerUnderTest server) throws Exception {
        freshStore(server, "durable");
        long id;
        try (TcpProbe probe = server.connect()) {
            Frames.send(probe, Frames.report("durable-host"));
            id = Frames.expectOk(probe, OK_REPLY);
            server.kill();
        }
        server.restart();
        Text step = step("the list after kill -9 and a restart", "la lista tras kill -9 y un reinicio");
        try (TcpProbe probe = server.connect()) {
            probe.send(Frames.frame("{\"type\":\"list\"}"));
            JsonNode reports = Frames.read(probe, step).path("reports");
            boolean found = false;
            for (JsonNode report : reports) {
                found |= report.path("id").asLong() == id && report.path("hostname").asText().equals("durable-host");
            }
            if (!found) {
                throw ConformanceFailure.integrity(step, "report " + id + " (durable-host), acknowledged before the kill",
                        Text.of("it is gone: " + Frames.cut(reports), "ha desaparecido: " + Frames.cut(reports)));
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
        try (TcpProbe probe = server.connect()) {
            for (String host : List.of("line-1", "línea-2")) {
                Frames.send(probe, Frames.report(host));
                Frames.expectOk(probe, OK_REPLY);
            }
        }
        List<JsonNode> lines = storeLines(store, step("reading the store file", "leyendo el fichero del almacén"));
        if (lines.size() != 2 || !lines.get(1).path("hostname").asText().equals("línea-2")) {
            throw ConformanceFailure.wrongOutput(step("the store file after two reports", "el fichero tras dos informes"),
                    "2 JSON lines, the second with hostname línea-2", lines.toString());
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
                    throw new IOException("not an object");
                }
                nodes.add(node);
            } catch (IOException e) {
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
    void survivesHostileInput(ServerUnderTest server) throws Exception {
        try (TcpProbe steady = server.connect()) {
            TcpProbe truncated = server.connect();
            truncated.send(Arrays.copyOf(Frames.frame(Frames.report("cut").toString()), 30));
            truncated.close();
            TcpProbe halfPrefix = server.connect();
            halfPrefix.send(new byte[] {0, 0});
            halfPrefix.reset();
            try (TcpProbe invalid = server.connect()) {
                byte[] body = Bytes.utf8(Frames.report("XX").toString());
                int at = new String(body, StandardCharsets.UTF_8).indexOf("XX");
                body[at] = (byte) 0xff;
                body[at + 1] = (byte) 0xfe;
                invalid.send(Frames.frame(body));
                Text step = step("reply to a report with invalid UTF-8", "respuesta a un informe con UTF-8 inválido");
                try {
                    JsonNode reply = Frames.read(invalid, step);
                    String code = reply.path("error").asText();
                    if (!code.equals("bad-json") && !code.equals("bad-request")) {
                        throw ConformanceFailure.wrongOutput(step, "bad-json, bad-request or a close", Frames.cut(reply));
                    }
                } catch (ConformanceFailure failure) {
                    if (failure.kind() != FailureKind.CLOSED_UNEXPECTEDLY) {
                        throw failure;
                    }
                }
            }
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
