package io.socketlab.reference.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.reference.common.LingeringClose;
import io.socketlab.reference.serialization.Frames.BadLengthException;
import io.socketlab.reference.serialization.Report.BadRequestException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** One connection to the report server: a request frame in, a response frame out, until the client leaves. */
final class SerializationSession implements Runnable {

    private static final int IDLE_TIMEOUT_MS = 60_000;
    // SER-4: text after the object, or a field given twice, make the request unparsable, not ambiguous.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Logger LOG = Logger.getLogger(SerializationSession.class.getName());

    private final Socket socket;
    private final String peer; // for the log: which client a record is about
    private final ReportStore store;

    SerializationSession(Socket socket, ReportStore store) {
        this.socket = socket;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        this.store = store;
    }

    @Override
    public void run() {
        try (socket;
             DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
             OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            socket.setSoTimeout(IDLE_TIMEOUT_MS);
            LOG.fine(() -> peer + ": connection opened");
            converse(in, out);
            LOG.fine(() -> peer + ": connection closed");
        } catch (SocketTimeoutException e) {
            LOG.fine(() -> peer + ": closed after " + IDLE_TIMEOUT_MS / 1000 + " s of silence");
        } catch (EOFException e) {
            LOG.fine(() -> peer + ": the client left in the middle of a frame"); // SER-8
        } catch (IOException e) {
            LOG.fine(() -> peer + ": connection lost: " + e.getMessage()); // SER-8: only this client is affected
        }
    }

    /** SER-1: one response per request, in order, until the client closes. */
    private void converse(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            byte[] request;
            try {
                request = Frames.read(in);
            } catch (BadLengthException e) {
                LOG.fine(() -> peer + ": " + e.getMessage() + ": bad-length, then close");
                // SER-2: the L bytes that follow must not be read, and without them there is no
                // telling where the next frame starts: the stream is out of sync. Answer, then close.
                Frames.write(out, JSON.writeValueAsBytes(error("bad-length", e.getMessage())));
                LingeringClose.drain(socket, in);
                return;
            }
            if (request == null) {
                return;
            }
            ObjectNode response = answer(request);
            LOG.fine(() -> peer + ": a " + request.length + "-byte request: "
                    + (response.has("error") ? "error " + response.get("error").asText() : "ok"));
            Frames.write(out, JSON.writeValueAsBytes(response));
        }
    }

    /**
     * The response to one request body. A report that cannot be stored throws, so that the
     * connection closes without an ok: ok always means stored (SER-6).
     */
    private ObjectNode answer(byte[] body) throws IOException {
        JsonNode request;
        try {
            // SER-4: decoding first, strictly, makes invalid UTF-8 a bad-json like any other.
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
            request = JSON.readTree(text);
        } catch (CharacterCodingException e) {
            return error("bad-json", "the frame is not valid UTF-8");
        } catch (JsonProcessingException e) {
            return error("bad-json", "the frame is not valid JSON: " + e.getOriginalMessage());
        }
        if (request.isMissingNode()) {
            return error("bad-json", "the frame holds no JSON value");
        }
        try {
            if (!request.isObject()) {
                throw new BadRequestException("a request must be a JSON object");
            }
            return switch (request.path("type").asText()) {
                case "report" -> JSON.createObjectNode().put("status", "ok")
                        .put("id", store.append(Report.from(request))); // SER-3
                case "list" -> list(); // SER-5
                default -> throw new BadRequestException("\"type\" must be \"report\" or \"list\"");
            };
        } catch (BadRequestException e) {
            return error("bad-request", e.getMessage()); // SER-4: the connection stays usable
        }
    }

    private ObjectNode list() {
        ObjectNode response = JSON.createObjectNode().put("status", "ok");
        response.putArray("reports").addAll(store.recent());
        return response;
    }

    private static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("status", "error").put("error", code).put("message", message);
    }
}
