package io.socketlab.grader.variants.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Correct report server (thread per connection, one lock around id allocation and the durable
 * append); each broken variant overrides exactly one of the package-private hooks below.
 */
abstract class SerializationServerBase {

    static final long MAX_FRAME = 1 << 20;
    static final int LIST_SIZE = 100;
    static final List<String> FIELDS = List.of("hostname", "timestamp", "runtime", "os");
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern RFC3339 = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|[+-](\\d{2}):(\\d{2}))");

    /** The store file: what it held at start, and appends that are durable when they return. */
    interface Journal {
        List<ObjectNode> load() throws IOException;

        void append(ObjectNode stored) throws IOException;
    }

    final Object lock = new Object();
    /** The next id to give; guarded by {@link #lock}. */
    long nextId = 1;
    /** The most recent stored reports, oldest first; guarded by {@link #lock}. */
    final Deque<ObjectNode> recent = new ArrayDeque<>();
    Journal journal;

    final void run(String[] argv) throws IOException {
        Args args = VariantSupport.parse(argv, Set.of("--port", "--host", "--store"), Set.of());
        if (!args.positional().isEmpty()) {
            VariantSupport.die(2, "usage error: unexpected argument " + args.positional().get(0));
        }
        int port = args.port();
        String store = args.get("--store", null);
        if (store == null) {
            VariantSupport.die(2, "usage error: --store FILE is required");
        }
        try {
            journal = journal(Path.of(store));
            for (ObjectNode stored : journal.load()) {
                nextId = Math.max(nextId, stored.path("id").asLong(0) + 1);
                remember(stored);
            }
        } catch (IOException e) {
            VariantSupport.die(2, "cannot use the store " + store + ": " + e.getMessage());
        }
        VariantSupport.exitZeroOnSigterm();
        try (ServerSocket server = VariantSupport.listen(args.get("--host", null), port)) {
            while (true) {
                Socket socket = server.accept();
                new Thread(() -> serve(socket), "report-connection").start();
            }
        }
    }

    /** Serves one client; I/O errors (resets, truncated frames) end only this connection. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                long length = readLength(in);
                if (length < 0) {
                    return;
                }
                byte[] body = readBody(in, length);
                if (body == null) {
                    send(out, error("bad-length", "a frame must announce 1.." + MAX_FRAME + " bytes, not " + length));
                    VariantSupport.closeGracefully(socket);
                    return;
                }
                ObjectNode reply = handle(body);
                send(out, reply);
                if (reply.path("status").asText().equals("error") && !staysUsableAfterError()) {
                    VariantSupport.closeGracefully(socket);
                    return;
                }
            }
        } catch (IOException e) {
            System.err.println("connection ended: " + e);
        }
    }

    /** Hook: the 4-byte length prefix; -1 at a clean end of stream. Correct: exactly 4 bytes, however they arrive. */
    long readLength(InputStream in) throws IOException {
        byte[] prefix = in.readNBytes(4);
        if (prefix.length == 0) {
            return -1;
        }
        if (prefix.length < 4) {
            throw new EOFException("end of stream inside a length prefix");
        }
        return Integer.toUnsignedLong(ByteBuffer.wrap(prefix).getInt());
    }

    /** Hook: the body of a frame; null if the length is out of range. Correct: checks 1..1048576 before allocating. */
    byte[] readBody(InputStream in, long length) throws IOException {
        if (length < 1 || length > MAX_FRAME) {
            return null;
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("end of stream inside a frame");
        }
        return body;
    }

    /** Hook: whether a connection stays open after bad-json or bad-request. Correct: yes. */
    boolean staysUsableAfterError() {
        return true;
    }

    /** Hook: the body as text, or null when it is not valid UTF-8. Correct: a strict decoder that reports errors. */
    String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Hook: the one JSON value of a body. Correct: trailing tokens ({@code {} {}}) are an error. */
    JsonNode parse(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }

    /** Hook: what the store and the list keep of a report. Correct: its id, its four facts and when it was received. */
    ObjectNode record(JsonNode report, long id) {
        return stored(report, id);
    }

    /** Hook: what is wrong with a report, or null. Correct: every field present, a string of 1..256 code points, an RFC 3339 timestamp. */
    String problem(JsonNode report) {
        for (String field : FIELDS) {
            JsonNode value = report.get(field);
            if (value == null || !value.isTextual()) {
                return field + " must be a string";
            }
            String text = value.textValue();
            int codePoints = text.codePointCount(0, text.length());
            if (codePoints < 1 || codePoints > 256 || text.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF)) {
                return field + " must have 1..256 Unicode code points";
            }
        }
        return validTimestamp(report.get("timestamp").textValue()) ? null
                : "timestamp must be an RFC 3339 date-time with seconds and a zone";
    }

    /** Hook: whether a timestamp is valid. Correct: the RFC 3339 shape first, then a date and time that exist. */
    boolean validTimestamp(String text) {
        return isRfc3339(text);
    }

    /** Hook: stores an accepted report and returns the reply. Correct: id and durable append under one lock, then ok. */
    ObjectNode accept(JsonNode report) throws IOException {
        synchronized (lock) {
            ObjectNode stored = record(report, nextId);
            journal.append(stored);
            nextId++;
            remember(stored);
            return ok(stored);
        }
    }

    /** Hook: where reports are kept. Correct: FILE, appended and fsynced line by line, read back at start. */
    Journal journal(Path file) throws IOException {
        return new FileJournal(file);
    }

    private ObjectNode handle(byte[] body) throws IOException {
        JsonNode request;
        try {
            String text = decode(body);
            request = text == null ? null : parse(text);
        } catch (JsonProcessingException e) {
            request = null;
        }
        if (request == null || request.isMissingNode()) {
            return error("bad-json", "the frame is not one UTF-8 JSON value");
        }
        if (!request.isObject()) {
            return error("bad-request", "a request must be a JSON object");
        }
        JsonNode type = request.get("type");
        if (type != null && type.isTextual() && type.textValue().equals("list")) {
            return list();
        }
        if (type == null || !type.isTextual() || !type.textValue().equals("report")) {
            return error("bad-request", "type must be \"report\" or \"list\"");
        }
        String problem = problem(request);
        return problem == null ? accept(request) : error("bad-request", problem);
    }

    private ObjectNode list() {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("status", "ok");
        synchronized (lock) {
            reply.putArray("reports").addAll(recent);
        }
        return reply;
    }

    /** What the store and the list keep of a report: its id, its four facts, and when it was received. */
    static ObjectNode stored(JsonNode report, long id) {
        ObjectNode stored = JSON.createObjectNode();
        stored.put("id", id);
        for (String field : FIELDS) {
            stored.set(field, report.get(field));
        }
        stored.put("received", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        return stored;
    }

    /** Adds a stored report to the recent ones; call with {@link #lock} held. */
    final void remember(ObjectNode stored) {
        recent.addLast(stored);
        while (recent.size() > LIST_SIZE) {
            recent.removeFirst();
        }
    }

    static ObjectNode ok(ObjectNode stored) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("status", "ok");
        reply.set("id", stored.get("id"));
        return reply;
    }

    static ObjectNode error(String code, String message) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("status", "error");
        reply.put("error", code);
        reply.put("message", message);
        return reply;
    }

    static byte[] line(ObjectNode stored) throws JsonProcessingException {
        byte[] json = JSON.writeValueAsBytes(stored);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    private static void send(OutputStream out, JsonNode reply) throws IOException {
        byte[] body = JSON.writeValueAsBytes(reply);
        out.write(ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array());
        out.flush();
    }

    static boolean isRfc3339(String text) {
        Matcher m = RFC3339.matcher(text);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return false;
        }
        return Integer.parseInt(m.group(4)) <= 23 && Integer.parseInt(m.group(5)) <= 59
                && Integer.parseInt(m.group(6)) <= 59
                && (m.group(9) == null || Integer.parseInt(m.group(9)) <= 23 && Integer.parseInt(m.group(10)) <= 59);
    }

    /** The correct journal: one compact JSON line per report, forced to disk before append returns. */
    static final class FileJournal implements Journal {

        private final Path file;
        private FileChannel channel;

        FileJournal(Path file) {
            this.file = file;
        }

        @Override
        public List<ObjectNode> load() throws IOException {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            List<ObjectNode> stored = new ArrayList<>();
            long whole = 0; // bytes of complete lines
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                byte[] raw;
                while ((raw = VariantSupport.readLine(in, Long.MAX_VALUE, false)) != null) {
                    whole += raw.length + 1;
                    try {
                        JsonNode node = JSON.readTree(raw);
                        if (node != null && node.isObject()) {
                            stored.add((ObjectNode) node);
                        }
                    } catch (IOException e) {
                        System.err.println("skipping an unreadable store line: " + e.getMessage());
                    }
                }
            }
            // A last line without LF was torn by a crash before its ok: drop it, so the next line stays whole.
            channel.truncate(whole);
            channel.position(whole);
            return stored;
        }

        @Override
        public void append(ObjectNode stored) throws IOException {
            write(ByteBuffer.wrap(line(stored)));
        }

        private void write(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        }
    }
}
