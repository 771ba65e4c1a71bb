package io.socketlab.grader.suites.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The exercise's wire format from the grader's side: 4-byte big-endian length, then UTF-8 JSON. */
final class Frames {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_LENGTH = 1 << 20;

    private Frames() {
    }

    static byte[] frame(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    static byte[] frame(String json) {
        return frame(Bytes.utf8(json));
    }

    static byte[] lengthOnly(long length) {
        return ByteBuffer.allocate(4).putInt((int) length).array();
    }

    /** A valid report with the given hostname (and fixed other facts). */
    static ObjectNode report(String hostname) {
        ObjectNode report = JSON.createObjectNode();
        report.put("type", "report");
        report.put("hostname", hostname);
        report.put("timestamp", "2026-06-03T17:48:08Z");
        report.put("runtime", "Grader 1.0");
        report.put("os", "Linux 6.1");
        return report;
    }

    static void send(TcpProbe probe, JsonNode request) throws IOException {
        probe.send(frame(request.toString()));
    }

    /** Reads one response frame and parses its JSON object. */
    static JsonNode read(TcpProbe probe, Text step) throws IOException {
        byte[] prefix = probe.readExactly(step, 4, probe.replyTimeout());
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(prefix).getInt());
        if (length == 0 || length > 64L * MAX_LENGTH) {
            throw ConformanceFailure.wrongOutput(step, "a frame length between 1 and " + MAX_LENGTH,
                    Text.of("a length of " + length, "una longitud de " + length));
        }
        byte[] body = probe.readExactly(step, (int) length, probe.replyTimeout());
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not an object");
            }
            return node;
        } catch (IOException e) {
            throw ConformanceFailure.wrongOutput(step, "a JSON object", Bytes.render(body));
        }
    }

    /** Reads a response and checks it is {@code {"status":"ok","id":N}}; returns N. */
    static long expectOk(TcpProbe probe, Text step) throws IOException {
        JsonNode response = read(probe, step);
        if (!"ok".equals(response.path("status").asText()) || !response.path("id").canConvertToExactIntegral()
                || response.path("id").asLong() < 1) {
            throw ConformanceFailure.wrongOutput(step, "{\"status\":\"ok\",\"id\":N} with N >= 1", cut(response));
        }
        return response.path("id").asLong();
    }

    /** Reads a response and checks it is an error frame with {@code code}. */
    static void expectError(TcpProbe probe, Text step, String code) throws IOException {
        JsonNode response = read(probe, step);
        if (!"error".equals(response.path("status").asText()) || !code.equals(response.path("error").asText())
                || !response.path("message").isTextual()) {
            throw ConformanceFailure.wrongOutput(step,
                    "{\"status\":\"error\",\"error\":\"" + code + "\",\"message\":...}", cut(response));
        }
    }

    static String cut(JsonNode node) {
        String text = node.toString();
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }

    /** Whether {@code text} is an RFC 3339 date-time with seconds and a zone. */
    static boolean isRfc3339(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})")) {
            return false;
        }
        try {
            OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static Instant instant(String rfc3339) {
        return OffsetDateTime.parse(rfc3339.toUpperCase(java.util.Locale.ROOT)).toInstant();
    }
}
