package io.socketlab.grader.suites.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.FakeTcpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
        FakeTcpServer fake = fakeServer(client, request,
                "{\"status\":\"error\",\"error\":\"bad-request\",\"message\":\"timestamp has no zone\"}");
        ClientResult result = client.run(fake.port(), List.of(), new byte[0]);
        received(result, fake, request);
        result.expectStdoutLines(OUTPUT, List.of("ERROR bad-request")).expectExitCode(EXIT, 1);
    }

    @Requirement(clause = "SER-10", points = 2)
    void listsReports(ClientUnderTest client) throws Exception {
        ObjectNode response = Frames.JSON.createObjectNode();
        response.put("status", "ok");
        ArrayNode reports = response.putArray("reports");
        for (int i = 1; i <= 2; i++) {
            ObjectNode report = Frames.report(i == 1 ? "alpha" : "bêta-日本");
            report.remove("type");
            report.put("id", i);
            report.put("received", "2026-06-03T17:48:0" + i + "Z");
            reports.add(report);
        }
        AtomicReference<JsonNode> request = new AtomicReference<>();
        FakeTcpServer fake = fakeServer(client, request, response.toString());
        ClientResult result = client.run(fake.port(), List.of("--list"), new byte[0]);
        JsonNode sent = received(result, fake, request);
        if (!"list".equals(sent.path("type").asText())) {
            throw ConformanceFailure.wrongOutput(REQUEST, "{\"type\":\"list\"}", Frames.cut(sent));
        }
        List<String> lines = result.stdoutLines();
        boolean same = lines.size() == 2;
        for (int i = 0; same && i < 2; i++) {
            try {
                same = Frames.JSON.readTree(lines.get(i)).equals(reports.get(i));
            } catch (IOException e) {
                same = false;
            }
        }
        if (!same) {
            throw ConformanceFailure.wrongOutput(OUTPUT, "2 lines, each one report as JSON: " + reports, lines.toString());
        }
        result.expectExitCode(EXIT, 0);
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
    }
}
