package io.socketlab.grader.suites.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Slicing;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.util.Optional;

/**
 * One connection to the report server, spoken in frames: sends return the connection, expectations read the answer
 * and name their step from the request sent last ("the server's reply to the frame {"type":"list"}"), so a test
 * reads like its clause. The protocol is this suite's knowledge; the bytes and the deadlines are the probe's.
 */
public final class FrameConnection implements AutoCloseable {

    private static final String LIST = "{\"type\":\"list\"}";

    private final TcpProbe probe;
    private Text lastSent = Text.of("nothing", "nada");

    private FrameConnection(TcpProbe probe) {
        this.probe = probe;
    }

    public static FrameConnection open(ServerUnderTest server) {
        return new FrameConnection(server.connect());
    }

    TcpProbe probe() {
        return probe;
    }

    // ---- sending ----

    /** Sends {@code request} as one frame. */
    public FrameConnection send(JsonNode request) throws IOException {
        return sendBody(request.toString());
    }

    /** Sends {@code body} (any text, JSON or not) as one frame. */
    FrameConnection sendBody(String body) throws IOException {
        return sendFrame(Frames.frame(body), Slicing.WHOLE, Text.format("the frame %s", "la trama %s", Frames.shown(body)));
    }

    /** Sends raw bytes (frames, parts of frames, anything) cut as {@code slicing} says; {@code what} names them. */
    FrameConnection sendFrame(byte[] bytes, Slicing slicing, Text what) throws IOException {
        probe.send(bytes, slicing);
        lastSent = what;
        return this;
    }

    private Text reply() {
        return Text.format("the server's reply to %s", "la respuesta del servidor a %s", lastSent);
    }

    // ---- expecting ----

    /** The next answer, whatever it is. */
    JsonNode read() throws IOException {
        return Frames.read(probe, reply());
    }

    /** The next answer, or empty when the server closes instead (where the contract allows a close). */
    Optional<JsonNode> readOrClose() throws IOException {
        return Optional.ofNullable(Frames.readOrClose(probe, reply()));
    }

    /** Expects {@code {"status":"ok","id":N}} with N at least 1; returns N. */
    public long expectOk() throws IOException {
        JsonNode answer = read();
        if (!"ok".equals(answer.path("status").asText()) || !answer.path("id").canConvertToExactIntegral()
                || answer.path("id").asLong() < 1) {
            throw ConformanceFailure.wrongOutput(reply(), Text.same("{\"status\":\"ok\",\"id\":N}, N >= 1"),
                    Frames.shown(answer));
        }
        return answer.path("id").asLong();
    }

    /** Expects an ok whose id is greater than {@code earlier} (ids grow, across connections and restarts). */
    long expectOkAfter(long earlier) throws IOException {
        long id = expectOk();
        if (id <= earlier) {
            throw ConformanceFailure.wrongOutput(reply(), Text.format("an id greater than %d", "un id mayor que %d", earlier),
                    Text.format("id %d", "id %d", id));
        }
        return id;
    }

    /** Expects an error answer with {@code code} (and a message). */
    FrameConnection expectError(String code) throws IOException {
        JsonNode answer = read();
        expectErrorIn(answer, code);
        return this;
    }

    /** Expects an error answer with {@code code}, or the server closing instead; true if it answered. */
    boolean expectErrorOrClose(String code) throws IOException {
        Optional<JsonNode> answer = readOrClose();
        answer.ifPresent(a -> expectErrorIn(a, code));
        return answer.isPresent();
    }

    private void expectErrorIn(JsonNode answer, String code) {
        if (!"error".equals(answer.path("status").asText()) || !code.equals(answer.path("error").asText())
                || !answer.path("message").isTextual()) {
            throw ConformanceFailure.wrongOutput(reply(),
                    Text.same("{\"status\":\"error\",\"error\":\"" + code + "\",\"message\":...}"), Frames.shown(answer));
        }
    }

    /** Sends {@code {"type":"list"}} and returns the reports of its ok answer. */
    JsonNode list() throws IOException {
        sendBody(LIST);
        return expectReports();
    }

    /** Expects {@code {"status":"ok","reports":[...]}}; returns the reports. */
    JsonNode expectReports() throws IOException {
        JsonNode answer = read();
        JsonNode reports = answer.path("reports");
        if (!"ok".equals(answer.path("status").asText()) || !reports.isArray()) {
            throw ConformanceFailure.wrongOutput(reply(), Text.same("{\"status\":\"ok\",\"reports\":[...]}"),
                    Frames.shown(answer));
        }
        return reports;
    }

    /** Sends {@code {"type":"list"}} and expects the report {@code id} among the answer's, with this hostname. */
    FrameConnection expectListed(long id, String hostname) throws IOException {
        JsonNode reports = list();
        JsonNode report = Frames.withId(reports, id);
        if (report == null || !hostname.equals(report.path("hostname").asText())) {
            throw ConformanceFailure.integrity(reply(), Text.format("report %d, with hostname %s",
                    "el informe %d, con hostname %s", id, Frames.shown(Frames.JSON.getNodeFactory().textNode(hostname))),
                    report == null ? Text.format("no report %d in %s", "ningún informe %d en %s", id, Frames.shown(reports))
                            : Frames.shown(report));
        }
        return this;
    }

    /** Expects {@code bad-length}, then the server closing the connection. */
    void expectBadLengthThenClose() throws IOException {
        expectError("bad-length");
        probe.expectClosed(Text.format("the server closing the connection, after bad-length to %s",
                "el cierre de la conexión por el servidor, tras bad-length a %s", lastSent));
    }

    @Override
    public void close() {
        probe.close();
    }
}
