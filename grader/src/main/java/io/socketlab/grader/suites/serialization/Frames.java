package io.socketlab.grader.suites.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.Facts;
import io.socketlab.grader.probe.TcpProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The exercise's wire format from the grader's side: a 4-byte big-endian length, then that many bytes of UTF-8 JSON. */
public final class Frames {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_LENGTH = 1 << 20;
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

    private Frames() {
    }

    public static byte[] frame(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    public static byte[] frame(String json) {
        return frame(Bytes.utf8(json));
    }

    /** A prefix announcing {@code length} bytes (its low 32 bits), with no body. */
    static byte[] lengthOnly(long length) {
        return ByteBuffer.allocate(4).putInt((int) length).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    /** A valid report with the given hostname (and fixed other facts). */
    public static ObjectNode report(String hostname) {
        ObjectNode report = JSON.createObjectNode();
        report.put("type", "report");
        report.put("hostname", hostname);
        report.put("timestamp", "2026-06-03T17:48:08Z");
        report.put("runtime", "Grader 1.0");
        report.put("os", "Linux 6.1");
        return report;
    }

    /** A JSON text as a report shows it: quoted, and cut when long. */
    static Text shown(String json) {
        return Facts.quoted(json.length() <= 100 ? json : json.substring(0, 100) + "...");
    }

    static Text shown(JsonNode node) {
        String text = node.toString();
        return text.length() <= 300 ? Text.same(text) : Text.format("%s... (%d chars)", "%s... (%d caracteres)",
                text.substring(0, 300), text.length());
    }

    /**
     * Reads one frame (the server's answer, or a client's request on a fake server's side) and parses its JSON
     * object; {@code step} names it.
     */
    static JsonNode read(TcpProbe probe, Text step) throws IOException {
        return parse(probe, step, probe.readExactly(step, 4, probe.replyTimeout()));
    }

    /** Like {@link #read}, but null when the peer closes before the first byte: where a close is a valid answer. */
    static JsonNode readOrClose(TcpProbe probe, Text step) throws IOException {
        byte[] first;
        try {
            first = probe.readExactly(step, 1, probe.replyTimeout());
        } catch (ConformanceFailure failure) {
            if (failure.kind() == FailureKind.CLOSED_UNEXPECTEDLY) {
                return null;
            }
            throw failure;
        }
        return parse(probe, step, concat(first, probe.readExactly(step, 3, probe.replyTimeout())));
    }

    private static JsonNode parse(TcpProbe probe, Text step, byte[] prefix) throws IOException {
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(prefix).getInt());
        if (length == 0 || length > MAX_LENGTH) {
            throw ConformanceFailure.wrongOutput(step, Text.format("a frame length from 1 to %d",
                    "una longitud de trama de 1 a %d", MAX_LENGTH), Text.format("a length of %d", "una longitud de %d", length));
        }
        byte[] body = probe.readExactly(step, (int) length, probe.replyTimeout());
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // not JSON: reported below
        }
        throw ConformanceFailure.wrongOutput(step, Text.of("a JSON object", "un objeto JSON"), Facts.bytes(body));
    }

    /** The stored report with this id in a list's reports, or null. */
    static JsonNode withId(JsonNode reports, long id) {
        for (JsonNode report : reports) {
            if (report.path("id").canConvertToExactIntegral() && report.path("id").asLong() == id) {
                return report;
            }
        }
        return null;
    }

    /** Whether {@code text} is an RFC 3339 date-time with seconds and a zone. */
    static boolean isRfc3339(String text) {
        if (text == null || !RFC_3339.matcher(text).matches()) {
            return false;
        }
        try {
            instant(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static Instant instant(String rfc3339) {
        // RFC 3339 allows any number of fraction digits; Java parses at most nine.
        return OffsetDateTime.parse(rfc3339.toUpperCase(Locale.ROOT).replaceFirst("(\\.\\d{9})\\d+", "$1")).toInstant();
    }
}
