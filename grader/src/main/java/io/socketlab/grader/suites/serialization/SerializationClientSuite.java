package io.socketlab.grader.suites.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
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

/** The report client against a fake report server: the facts it sends, what it prints, how it exits. */
@ExerciseSuite(exercise = "serialization", program = Program.CLIENT)
class SerializationClientSuite {

    private static final Text EXIT = Text.of("the client's exit code", "el código de salida del cliente");
    private static final Text OUTPUT = Text.of("the client's stdout", "la salida estándar del cliente");
    private static final Text REQUEST = Text.of("the frame the client sent", "la trama que envió el cliente");

    /** A fake server that records the client's one request and answers {@code response}. */
    private static FakeTcpServer fakeServer(ClientUnderTest client, AtomicReference<JsonNode> request, String response)
            throws Exception {
        return client.fakeServer(connection -> {
            request.set(Frames.read(connection, REQUEST));
            connection.send(Frames.frame(response));
        });
    }

    private static JsonNode received(ClientResult result, FakeTcpServer fake, AtomicReference<JsonNode> request)
            throws Exception {
        result.expectConnectedTo(fake);
        fake.verify(REQUEST, Duration.ofSeconds(1));
        return request.get();
    }

    @Baseline
    @Requirement(clause = "SER-9", points = 1)
    void sendsAReportAndPrintsOk(ClientUnderTest client) throws Exception {
        AtomicReference<JsonNode> request = new AtomicReference<>();
        FakeTcpServer fake = fakeServer(client, request, "{\"status\":\"ok\",\"id\":7}");
        ClientResult result = client.run(fake.port(), List.of(), new byte[0]);
        JsonNode report = received(result, fake, request);
        if (!"report".equals(report.path("type").asText())) {
            throw ConformanceFailure.wrongOutput(REQUEST, "{\"type\":\"report\",...}", Frames.cut(report));
        }
        result.expectStdoutLines(OUTPUT, List.of("OK 7")).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "SER-9", points = 1)
    void reportsRealLocalFacts(ClientUnderTest client) throws Exception {
        AtomicReference<JsonNode> request = new AtomicReference<>();
        FakeTcpServer fake = fakeServer(client, request, "{\"status\":\"ok\",\"id\":8}");
        Instant before = Instant.now();
        ClientResult result = client.run(fake.port(), List.of(), new byte[0]);
        JsonNode report = received(result, fake, request);
        Instant after = Instant.now();
        String hostname = report.path("hostname").asText("");
        if (!localNames().contains(hostname)) {
            throw ConformanceFailure.wrongOutput(REQUEST, "hostname one of " + localNames(), Frames.cut(report));
        }
        String timestamp = report.path("timestamp").asText(null);
        if (!Frames.isRfc3339(timestamp) || Frames.instant(timestamp).isBefore(before.minusSeconds(60))
                || Frames.instant(timestamp).isAfter(after.plusSeconds(60))) {
            throw ConformanceFailure.wrongOutput(REQUEST, "timestamp: now, as RFC 3339 with seconds and a zone",
                    Frames.cut(report));
        }
        for (String field : List.of("runtime", "os")) {
            String value = report.path(field).asText("");
            if (value.isBlank() || !value.matches(".*\\d.*") || value.codePointCount(0, value.length()) > 256) {
                throw ConformanceFailure.wrongOutput(REQUEST, field + ": a name and a version, e.g. \"Linux 6.1.0\"",
                        Frames.cut(report));
            }
        }
        result.expectExitCode(EXIT, 0);
    }

    /** Every name this machine answers to (the kernel's, and what Java resolves), never a placeholder. */
    private static Set<String> localNames() {
        Set<String> names = new HashSet<>();
        try {
            names.add(Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip());
        } catch (Exception e) {
            // not Linux
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName());
            names.add(local.getCanonicalHostName());
        } catch (Exception e) {
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
        AtomicReference<JsonNode> request = new AtomicReference<>();
        // A code this document does not list, in an answer whose prefix arrives one byte per segment.
        byte[] error = Frames.frame("{\"status\":\"error\",\"error\":\"storage-full\",\"message\":\"the disk is full\"}");
        FakeTcpServer fake = client.fakeServer(connection -> {
            request.set(Frames.read(connection, REQUEST));
            connection.sendSliced(Arrays.copyOf(error, 4), 1, Duration.ofMillis(30));
            connection.sendSliced(Arrays.copyOfRange(error, 4, error.length), 7, Duration.ofMillis(5));
        });
        ClientResult result = client.run(fake.port(), List.of(), new byte[0]).expectConnectedTo(fake);
        // What the client made of the answer first: a client that left early also breaks the fake's sending.
        result.expectStdoutLines(OUTPUT, List.of("ERROR storage-full")).expectExitCode(EXIT, 1)
                .expectErrorLine(Text.of("the client's stderr after an error answer", "la salida de error del cliente tras una respuesta de error"));
        received(result, fake, request);
    }

    /** An ok answer to --list holding {@code reports}. */
    private static ObjectNode listAnswer(List<ObjectNode> reports) {
        ObjectNode response = Frames.JSON.createObjectNode();
        response.put("status", "ok");
        response.putArray("reports").addAll(reports);
        return response;
    }

    private static ObjectNode stored(String hostname, int id) {
        ObjectNode report = Frames.report(hostname);
        report.remove("type");
        report.put("id", id);
        report.put("received", "2026-06-03T17:48:0" + id % 10 + "Z");
        return report;
    }

    /** Fails unless stdout holds exactly one line per report, each the report as JSON (compared by value). */
    private static void expectListed(ClientResult result, List<ObjectNode> reports) {
        List<String> lines = result.stdoutLines();
        boolean same = lines.size() == reports.size();
        for (int i = 0; same && i < reports.size(); i++) {
            try {
                same = Frames.JSON.readTree(lines.get(i)).equals(reports.get(i));
            } catch (java.io.IOException e) {
                same = false;
            }
        }
        if (!same) {
            String shown = reports.size() <= 2 ? ": " + reports : " (the first: " + Frames.cut(reports.get(0)) + ")";
            throw ConformanceFailure.wrongOutput(OUTPUT, reports.size() + " lines, each one report as JSON" + shown,
                    lines.size() <= 3 ? lines.toString() : lines.size() + " lines, the first " + Bytes.quote(lines.get(0)));
        }
    }

    @Requirement(clause = "SER-10", points = 1)
    void listsReports(ClientUnderTest client) throws Exception {
        List<ObjectNode> reports = List.of(stored("alpha", 1), stored("bêta-日本", 2));
        AtomicReference<JsonNode> request = new AtomicReference<>();
        FakeTcpServer fake = fakeServer(client, request, listAnswer(reports).toString());
        ClientResult result = client.run(fake.port(), List.of("--list"), new byte[0]);
        JsonNode sent = received(result, fake, request);
        if (!"list".equals(sent.path("type").asText())) {
            throw ConformanceFailure.wrongOutput(REQUEST, "{\"type\":\"list\"}", Frames.cut(sent));
        }
        expectListed(result, reports);
        result.expectExitCode(EXIT, 0);
        // An empty store: nothing to print, and still success.
        FakeTcpServer empty = fakeServer(client, request, listAnswer(List.of()).toString());
        client.run(empty.port(), List.of("--list"), new byte[0]).expectConnectedTo(empty)
                .expectStdoutLines(Text.of("the client's stdout for an empty list", "la salida estándar del cliente con una lista vacía"),
                        List.of())
                .expectExitCode(Text.of("the client's exit code for an empty list", "el código de salida del cliente con una lista vacía"), 0);
    }

    @Requirement(clause = "SER-10", points = 1)
    void listsALargeAnswerInPieces(ClientUnderTest client) throws Exception {
        List<ObjectNode> reports = new ArrayList<>();
        for (int id = 1; id <= 100; id++) {
            ObjectNode report = stored("é".repeat(200) + "-" + id, id);
            report.put("os", "😀".repeat(250));
            reports.add(report);
        }
        byte[] answer = Frames.frame(listAnswer(reports).toString());
        FakeTcpServer fake = client.fakeServer(connection -> {
            Frames.read(connection, REQUEST);
            // A first piece shorter than any common read size, a pause, then the rest in TCP-sized pieces.
            connection.send(Arrays.copyOf(answer, 1000));
            connection.sendSliced(Arrays.copyOfRange(answer, 1000, 1000 + 3000), 1000, Duration.ofMillis(50));
            connection.sendSliced(Arrays.copyOfRange(answer, 4000, answer.length), 16_384, Duration.ofMillis(2));
        });
        ClientResult result = client.run(fake.port(), List.of("--list"), new byte[0]);
        result.expectConnectedTo(fake);
        expectListed(result, reports);
        result.expectExitCode(EXIT, 0);
        fake.verify(REQUEST, Duration.ofSeconds(1));
    }

    @Requirement(clause = "SER-11", points = 1)
    void exitsTwoWhenRefusedOrCutShort(ClientUnderTest client) throws Exception {
        client.expectExitTwoWhenRefused(List.of());
        byte[] ok = Frames.frame("{\"status\":\"ok\",\"id\":3}");
        byte[][] answers = {new byte[0], Arrays.copyOf(ok, 2), Arrays.copyOf(ok, ok.length - 1),
                Frames.lengthOnly(0), Frames.frame("[\"ok\"]"), Frames.frame("{\"id\":3}")};
        String[] shown = {"no answer at all", "half a length prefix", "a body one byte short", "a length of 0",
                "a JSON array", "an object without status"};
        String[] shownEs = {"ninguna respuesta", "medio prefijo de longitud", "un cuerpo al que le falta un byte",
                "una longitud 0", "un array JSON", "un objeto sin status"};
        for (int i = 0; i < answers.length; i++) {
            byte[] answer = answers[i];
            FakeTcpServer fake = client.fakeServer(connection -> {
                Frames.read(connection, REQUEST);
                connection.send(answer);
            });
            client.run(fake.port(), List.of(), new byte[0]).expectConnectedTo(fake)
                    .expectExitCode(Text.of("exit code after " + shown[i] + ", then a close",
                            "código de salida tras " + shownEs[i] + " y un cierre"), 2)
                    .expectErrorLine(Text.of("stderr after " + shown[i] + ", then a close",
                            "stderr tras " + shownEs[i] + " y un cierre"));
        }
        // A server that takes the request and stays silent, the connection open: the client gives up after 10 s.
        FakeTcpServer silent = client.fakeServer(connection -> {
            Frames.read(connection, REQUEST);
            connection.readUntilClosed(Text.of("waiting for the client to give up", "esperando a que el cliente desista"),
                    1 << 16, connection.replyTimeout().multipliedBy(4));
        });
        client.run(silent.port(), List.of(), new byte[0]).expectConnectedTo(silent)
                .expectExitCode(Text.of("exit code after 10 s without an answer", "código de salida tras 10 s sin respuesta"), 2)
                .expectErrorLine(Text.of("stderr after 10 s without an answer", "stderr tras 10 s sin respuesta"));
    }
}
