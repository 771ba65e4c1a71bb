package io.socketlab.grader.suites.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Facts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the server keeps of reports, as list shows them (SER-5) and as its store file holds them (SER-6, SER-7). */
final class Listing {

    private static final Set<String> MEMBERS = Set.of("hostname", "timestamp", "runtime", "os", "id", "received");

    private Listing() {
    }

    /**
     * Fails unless {@code reports} are exactly the reports {@code ids}, oldest first, each sent as
     * {@code Frames.report("list-host-" + n)} (n counting from 1) and holding exactly the six members, with a
     * {@code received} between {@code start} and now (a minute's leeway either side).
     */
    static void expect(JsonNode reports, List<Long> ids, Instant start) {
        Text step = Text.of("the server's reply to {\"type\":\"list\"}", "la respuesta del servidor a {\"type\":\"list\"}");
        if (reports.size() != ids.size()) {
            throw ConformanceFailure.wrongOutput(step, Text.format("%d reports", "%d informes", ids.size()),
                    Text.format("%d reports: %s", "%d informes: %s", reports.size(), Frames.shown(reports)));
        }
        for (int i = 0; i < ids.size(); i++) {
            JsonNode report = reports.get(i);
            long host = ids.size() == 100 ? i + 4 : i + 1;
            Set<String> members = new HashSet<>();
            report.fieldNames().forEachRemaining(members::add);
            String received = report.path("received").asText(null);
            boolean right = members.equals(MEMBERS) && report.path("id").asLong() == ids.get(i)
                    && report.path("hostname").asText().equals("list-host-" + host)
                    && report.path("timestamp").asText().equals("2026-06-03T17:48:08Z")
                    && report.path("runtime").asText().equals("Grader 1.0") && report.path("os").asText().equals("Linux 6.1")
                    && Frames.isRfc3339(received) && !Frames.instant(received).isBefore(start.minusSeconds(60))
                    && !Frames.instant(received).isAfter(Instant.now().plusSeconds(60));
            if (!right) {
                throw ConformanceFailure.wrongOutput(step, Text.format(
                        "report %d: exactly hostname list-host-%d, its timestamp, runtime and os, id %d, and received "
                                + "(RFC 3339, when it was stored)",
                        "informe %d: exactamente hostname list-host-%d, su timestamp, runtime y os, id %d, y received "
                                + "(RFC 3339, cuándo se guardó)", i + 1, host, ids.get(i)), Frames.shown(report));
            }
        }
    }

    /** The store file's lines, each a JSON object; fails on a missing file or a line that is not one. */
    static List<JsonNode> storeLines(Path store) throws IOException {
        Text step = Text.format("the store file %s", "el fichero del almacén %s", store.getFileName());
        if (!Files.exists(store)) {
            throw ConformanceFailure.wrongOutput(step, Text.of("a file of reports", "un fichero de informes"),
                    Text.of("no such file", "no existe"));
        }
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
            JsonNode node;
            try {
                node = line.isBlank() ? null : Frames.JSON.readTree(line);
            } catch (IOException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                throw ConformanceFailure.integrity(step, Text.of("one JSON object per line", "un objeto JSON por línea"),
                        Text.format("the line %s", "la línea %s", Facts.quoted(line)));
            }
            nodes.add(node);
        }
        return nodes;
    }
}
