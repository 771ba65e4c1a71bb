package io.socketlab.grader.variants.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** Correct report client (one report, or --list); each broken variant overrides exactly one hook below. */
abstract class SerializationClientBase {

    private static final long MAX_REPLY = 64L << 20;
    static final ObjectMapper JSON = new ObjectMapper();

    final void run(String[] argv) {
        Args args = VariantSupport.parse(argv, Set.of("--host", "--port"), Set.of("--list"));
        if (!args.positional().isEmpty()) {
            VariantSupport.die(2, "usage error: unexpected argument " + args.positional().get(0));
        }
        String host = args.get("--host", "127.0.0.1");
        int port = args.port();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 10_000);
        } catch (ConnectException e) {
            VariantSupport.die(2, "connection refused by " + host + ":" + port);
        } catch (IOException e) {
            VariantSupport.die(2, "cannot connect to " + host + ":" + port + ": " + e.getMessage());
        }
        try {
            socket.setSoTimeout(answerTimeoutMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            ObjectNode request = args.has("--list") ? JSON.createObjectNode().put("type", "list") : report();
            byte[] body = JSON.writeValueAsBytes(request);
            socket.getOutputStream().write(ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array());
            socket.getOutputStream().flush();
            byte[] raw = readFrame(in);
            JsonNode reply;
            try {
                reply = JSON.readTree(raw);
            } catch (IOException e) {
                reply = null;
            }
            if (reply == null || !reply.isObject()) {
                VariantSupport.die(2, "the server's reply is not a JSON object");
            }
            String status = reply.path("status").asText();
            if (!status.equals("ok") && !status.equals("error")) {
                VariantSupport.die(2, "the server's reply has no recognisable status");
            }
            if (status.equals("error")) {
                printRefusal(reply);
            }
            if (args.has("--list")) {
                if (!reply.path("reports").isArray()) {
                    VariantSupport.die(2, "the server's ok to list carries no array of reports");
                }
                for (JsonNode stored : reply.path("reports")) {
                    VariantSupport.printLine(JSON.writeValueAsBytes(stored));
                }
            } else {
                printAccepted(raw, reply);
            }
            socket.close();
        } catch (SocketTimeoutException e) {
            VariantSupport.die(2, "no answer from the server within 10 s");
        } catch (IOException e) {
            VariantSupport.die(2, "connection lost: " + e.getMessage());
        }
        System.out.flush();
        System.exit(0);
    }

    /** Hook: the report to send. Correct: this machine's hostname, now, the runtime and the OS with versions. */
    ObjectNode report() {
        ObjectNode report = JSON.createObjectNode();
        report.put("type", "report");
        report.put("hostname", hostname());
        report.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.put("runtime", System.getProperty("java.runtime.name", "Java") + " " + Runtime.version());
        report.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return report;
    }

    /** Hook: how long the client waits for the answer. Correct: 10 s, then exit 2. */
    int answerTimeoutMillis() {
        return 10_000;
    }

    /** Hook: what an error answer prints. Correct: {@code ERROR <code>}, the message on stderr, exit 1. */
    void printRefusal(JsonNode reply) {
        String code = reply.path("error").asText("unknown");
        VariantSupport.printLine(("ERROR " + code).getBytes(StandardCharsets.UTF_8));
        VariantSupport.die(1, "the server refused: " + code + " (" + reply.path("message").asText("") + ")");
    }

    /** Hook: what an accepted report prints. Correct: {@code OK <id>}. */
    void printAccepted(byte[] raw, JsonNode reply) {
        JsonNode id = reply.path("id");
        if (!id.canConvertToExactIntegral()) {
            VariantSupport.die(2, "the server's reply has no id");
        }
        VariantSupport.printLine(("OK " + id.asLong()).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (!name.isBlank()) {
                return name;
            }
        } catch (IOException e) {
            // fall back to the kernel's name
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "unknown-host" : env;
        }
    }

    /** Hook: one response frame; the server closing first is exit 2. Correct: exactly 4 bytes, then exactly L. */
    byte[] readFrame(InputStream in) throws IOException {
        byte[] prefix = in.readNBytes(4);
        long length = prefix.length == 4 ? Integer.toUnsignedLong(ByteBuffer.wrap(prefix).getInt()) : -1;
        if (length < 0) {
            VariantSupport.die(2, "the server closed the connection before answering");
        }
        if (length == 0 || length > MAX_REPLY) {
            VariantSupport.die(2, "the server announced a reply of " + length + " bytes");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            VariantSupport.die(2, "the server closed the connection in the middle of its reply");
        }
        return body;
    }
}
