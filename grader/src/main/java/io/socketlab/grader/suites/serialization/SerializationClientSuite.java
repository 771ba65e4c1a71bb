package io.socketlab.grader.suites.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Facts;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.Slicing;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The report client against the report server the grader plays: gentle in the baseline, then as hostile as TCP
 * allows (answers a byte per segment or in pieces, large answers, codes it does not know, silence, answers cut short).
 */
@ExerciseSuite(exercise = "serialization", program = Program.CLIENT)
class SerializationClientSuite {

    private static final byte[] NO_INPUT = new byte[0];
    private static final Text REQUEST = Text.of("the frame the client sent", "la trama que envió el cliente");

    /**
     * A fake server that records the client's one request and answers {@code answer}, cut as {@code cut} says, then
     * keeps the connection open, as a server does, until the client closes it.
     */
    private static FakeTcpServer answering(ClientUnderTest client, AtomicReference<JsonNode> request, byte[] answer,
                                           Slicing cut) throws IOException {
        return client.fakeServer(connection -> {
            request.set(Frames.read(connection, REQUEST));
            connection.send(answer, cut);
            connection.readUntilClosed(Text.of("the client closing after the answer", "el cierre del cliente tras la respuesta"),
                    1 << 16, connection.replyTimeout().multipliedBy(2));
        });
    }

    private static FakeTcpServer answering(ClientUnderTest client, AtomicReference<JsonNode> request, String answer)
            throws IOException {
        return answering(client, request, Frames.frame(answer), Slicing.WHOLE);
    }

    private static void expectType(JsonNode request, String type) {
        if (!type.equals(request.path("type").asText())) {
            throw ConformanceFailure.wrongOutput(REQUEST, Text.same("{\"type\":\"" + type + "\",...}"), Frames.shown(request));
        }
    }

    @Baseline
    @Requirement(clause = "SER-9", points = 1)
    void sendsAReportAndPrintsOk(ClientUnderTest client) throws Exception {
        AtomicReference<JsonNode> request = new AtomicReference<>();
        FakeTcpServer fake = answering(client, request, "{\"status\":\"ok\",\"id\":7}");
        client.run(fake.port(), List.of(), NO_INPUT).expectServedBy(fake).expectPrinted("OK 7").expectExitCode(0);
        expectType(request.get(), "report");
    }

    @Requirement(clause = "SER-9", points = 1)
    void reportsRealLocalFacts(ClientUnderTest client) throws Exception {
        AtomicReference<JsonNode> request = new AtomicReference<>();
        FakeTcpServer fake = answering(client, request, "{\"status\":\"ok\",\"id\":8}");
        Instant before = Instant.now();
        client.run(fake.port(), List.of(), NO_INPUT).expectServedBy(fake).expectExitCode(0);
        Instant after = Instant.now();
        JsonNode report = request.get();
        if (!localNames().contains(report.path("hostname").asText(""))) {
            throw ConformanceFailure.wrongOutput(REQUEST, Text.format("a hostname among this machine's names %s",
                    "un hostname entre los nombres de esta máquina %s", localNames()), Frames.shown(report));
        }
        String timestamp = report.path("timestamp").asText(null);
        if (!Frames.isRfc3339(timestamp) || Frames.instant(timestamp).isBefore(before.minusSeconds(60))
                || Frames.instant(timestamp).isAfter(after.plusSeconds(60))) {
            throw ConformanceFailure.wrongOutput(REQUEST, Text.of("timestamp: now, in RFC 3339 with seconds and a zone",
                    "timestamp: ahora, en RFC 3339 con segundos y zona"), Frames.shown(report));
        }
        for (String field : List.of("runtime", "os")) {
            String value = report.path(field).asText("");
            if (value.isBlank() || !value.matches(".*\\d.*") || value.codePointCount(0, value.length()) > 256) {
                throw ConformanceFailure.wrongOutput(REQUEST, Text.format("%s: a name and a version, e.g. \"Linux 6.1.0\"",
                        "%s: un nombre y una versión, p. ej. \"Linux 6.1.0\"", field), Frames.shown(report));
            }
        }
    }

    /** Every name this machine answers to (the kernel's, and what Java resolves), never a placeholder. */
    private static Set<String> localNames() {
        Set<String> names = new HashSet<>();
        try {
            names.add(Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            // not Linux
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName());
            names.add(local.getCanonicalHostName());
        } catch (IOException e) {
            // no resolvable hostname
        }
        String env = System.getenv("HOSTNAME");
        if (env != null) {
            names.add(env);
        }
        names.removeIf(String::isBlank);
        return names;
    }

    @Requirement(clause = "SER-9", points = 1)
    void printsErrorCode(ClientUnderTest client) throws Exception {
        // A code this document does not list, in an answer whose prefix arrives one byte per segment.
        byte[] error = Frames.frame("{\"status\":\"error\",\"error\":\"storage-full\",\"message\":\"the disk is full\"}");
        AtomicReference<JsonNode> request = new AtomicReference<>();
        FakeTcpServer fake = answering(client, request, error, Slicing.at(1, 2, 3, 4, 11, 18, 40).pausing(Duration.ofMillis(30)));
        client.run(fake.port(), List.of(), NO_INPUT).expectServedBy(fake)
                .expectPrinted("ERROR storage-full").expectExitCode(1).expectOneErrorLine();
        expectType(request.get(), "report");
    }

    /** An ok answer to --list holding {@code reports}. */
    private static byte[] listAnswer(List<ObjectNode> reports) {
        ObjectNode answer = Frames.JSON.createObjectNode();
        answer.put("status", "ok");
        answer.putArray("reports").addAll(reports);
        return Frames.frame(answer.toString());
    }

    private static ObjectNode stored(String hostname, int id) {
        ObjectNode report = Frames.report(hostname);
        report.remove("type");
        report.put("id", id);
        report.put("received", "2026-06-03T17:48:0" + id % 10 + "Z");
        return report;
    }

    /**
     * Fails unless stdout holds one line per report, each that report as JSON: compared by value, since member
     * order, spaces and escapes are the client's choice.
     */
    private static void expectListed(ClientResult result, List<ObjectNode> reports) {
        List<String> lines = result.stdoutLines();
        boolean same = lines.size() == reports.size();
        for (int i = 0; same && i < reports.size(); i++) {
            try {
                same = Frames.JSON.readTree(lines.get(i)).equals(reports.get(i));
            } catch (IOException e) {
                same = false;
            }
        }
        if (!same) {
            Text expected = Text.format("%d lines, each one report as compact JSON, the first %s",
                    "%d líneas, cada una un informe en JSON compacto, la primera %s", reports.size(),
                    reports.isEmpty() ? Text.of("(none)", "(ninguna)") : Frames.shown(reports.get(0)));
            throw ConformanceFailure.wrongOutput(Text.of("the client's stdout", "la salida estándar del cliente"), expected,
                    lines.isEmpty() ? Text.of("no lines", "ninguna línea") : Text.format("%d lines, the first %s",
                            "%d líneas, la primera %s", lines.size(), Facts.quoted(lines.get(0))));
        }
    }

    @Requirement(clause = "SER-10", points = 1)
    void listsReports(ClientUnderTest client) throws Exception {
        List<ObjectNode> reports = List.of(stored("alpha", 1), stored("bêta-日本", 2));
        AtomicReference<JsonNode> request = new AtomicReference<>();
        FakeTcpServer fake = answering(client, request, listAnswer(reports), Slicing.WHOLE);
        ClientResult result = client.run(fake.port(), List.of("--list"), NO_INPUT).expectServedBy(fake).expectExitCode(0);
        expectType(request.get(), "list");
        expectListed(result, reports);
        // An empty store: nothing to print, and still success.
        FakeTcpServer empty = answering(client, request, listAnswer(List.of()), Slicing.WHOLE);
        client.run(empty.port(), List.of("--list"), NO_INPUT).expectServedBy(empty).expectPrinted().expectExitCode(0);
    }

    @Requirement(clause = "SER-10", points = 1)
    void listsALargeAnswerInPieces(ClientUnderTest client) throws Exception {
        List<ObjectNode> reports = new ArrayList<>();
        for (int id = 1; id <= 100; id++) {
            ObjectNode report = stored("é".repeat(200) + "-" + id, id);
            report.put("os", "😀".repeat(250));
            reports.add(report);
        }
        // About 150 KB: a first piece shorter than any common read size, a pause, then TCP-sized pieces.
        byte[] answer = listAnswer(reports);
        List<Integer> offsets = new ArrayList<>(List.of(1000));
        for (int at = 4000; at < answer.length; at += 16_384) {
            offsets.add(at);
        }
        int[] cuts = offsets.stream().mapToInt(Integer::intValue).toArray();
        AtomicReference<JsonNode> request = new AtomicReference<>();
        FakeTcpServer fake = answering(client, request, answer, Slicing.at(cuts).pausing(Duration.ofMillis(20)));
        ClientResult result = client.run(fake.port(), List.of("--list"), NO_INPUT);
        result.expectConnectedTo(fake).expectExitCode(0);
        expectListed(result, reports);
        result.expectServedBy(fake);
    }

    @Requirement(clause = "SER-11", points = 1)
    void exitsTwoWhenRefusedOrCutShort(ClientUnderTest client) throws Exception {
        client.run(client.refusedPort(), List.of(), NO_INPUT).expectExitCode(2).expectOneErrorLine();
        byte[] ok = Frames.frame("{\"status\":\"ok\",\"id\":3}");
        // Answers that break off, or that are no valid answer at all, each followed by the server's close.
        for (byte[] answer : List.of(new byte[0], Arrays.copyOf(ok, 2), Arrays.copyOf(ok, ok.length - 1),
                Frames.lengthOnly(0), Frames.frame("[\"ok\"]"), Frames.frame("{\"id\":3}"), Frames.frame("{\"status\":\"ok\"}"))) {
            FakeTcpServer fake = client.fakeServer(connection -> {
                Frames.read(connection, REQUEST);
                connection.send(answer);
            });
            client.run(fake.port(), List.of(), NO_INPUT).expectServedBy(fake).expectPrinted().expectExitCode(2)
                    .expectOneErrorLine();
        }
        // A server that takes the request and stays silent, the connection open: the client gives up after 10 s.
        FakeTcpServer silent = client.fakeServer(connection -> {
            Frames.read(connection, REQUEST);
            connection.readUntilClosed(Text.of("waiting for the client to give up", "esperando a que el cliente desista"),
                    1 << 16, connection.replyTimeout().multipliedBy(4));
        });
        ClientUnderTest.Run waiting = client.start(silent.port(), List.of());
        waiting.writeStdinAndClose(NO_INPUT);
        // The contract's 10 s, and time for the program to start and to end on a busy machine.
        waiting.awaitExit(client.timeouts().seconds(22)).expectServedBy(silent).expectExitCode(2).expectOneErrorLine();
    }
}
