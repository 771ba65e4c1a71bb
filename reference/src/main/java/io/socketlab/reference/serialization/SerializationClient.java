package io.socketlab.reference.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.Lines;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Logger;

/** The report client: sends this machine's inventory report, or with {@code --list} prints the stored ones. */
public final class SerializationClient {

    private static final String PROGRAM = "serialization client";
    private static final String USAGE = "SerializationClient --host H --port N [--list]";
    private static final int ANSWER_TIMEOUT_MS = 10_000; // SER-11
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(SerializationClient.class.getName());

    private SerializationClient() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--host", "--port"), Set.of("--list"));
            args.expectNoPositionals();
            if (args.flag("--list")) {
                list(args.serverAddress());
            } else {
                report(args.serverAddress());
            }
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (IOException e) {
            System.err.println(PROGRAM + ": cannot write to stdout: " + e.getMessage());
            System.exit(Failure.INCOMPLETE);
        }
    }

    /** SER-9: sends this machine's report and prints {@code OK <id>}. */
    private static void report(InetSocketAddress server) throws Failure, IOException {
        JsonNode id = exchange(server, thisMachine()).path("id");
        if (!id.isIntegralNumber()) {
            throw Failure.incomplete("the server's ok carries no id");
        }
        Lines.write(System.out, "OK " + id.asText());
    }

    /** SER-10: prints each stored report as one line of compact JSON. */
    private static void list(InetSocketAddress server) throws Failure, IOException {
        JsonNode reports = exchange(server, JSON.createObjectNode().put("type", "list")).path("reports");
        if (!reports.isArray()) {
            throw Failure.incomplete("the server's ok carries no list of reports");
        }
        for (JsonNode report : reports) {
            Lines.write(System.out, JSON.writeValueAsString(report));
        }
    }

    /** SER-9: the facts a report carries about the machine this client runs on. */
    private static ObjectNode thisMachine() {
        String hostname;
        try {
            hostname = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            hostname = "localhost"; // a machine whose own name does not resolve is still worth a report
        }
        return JSON.createObjectNode()
                .put("type", "report")
                .put("hostname", hostname)
                .put("timestamp", Instant.now().toString()) // RFC 3339 in UTC, seconds always shown
                .put("runtime", System.getProperty("java.runtime.name") + " "
                        + System.getProperty("java.runtime.version"))
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** Sends one request and returns the ok response; an error response prints {@code ERROR <code>}. */
    private static JsonNode exchange(InetSocketAddress server, ObjectNode request) throws Failure, IOException {
        JsonNode response;
        try (Socket socket = new Socket()) {
            try {
                socket.connect(server, ANSWER_TIMEOUT_MS);
            } catch (IOException e) {
                throw Failure.incomplete("cannot connect to " + server.getHostString() + ":"
                        + server.getPort() + ": " + e.getMessage()); // SER-11
            }
            socket.setSoTimeout(ANSWER_TIMEOUT_MS);
            LOG.fine(() -> "sending a " + request.path("type").asText() + " request to " + socket.getRemoteSocketAddress());
            Frames.write(socket.getOutputStream(), JSON.writeValueAsBytes(request));
            byte[] body = Frames.read(new DataInputStream(new BufferedInputStream(socket.getInputStream())));
            if (body == null) {
                throw Failure.incomplete("the server closed the connection before answering"); // SER-11
            }
            response = JSON.readTree(body);
        } catch (SocketTimeoutException e) {
            throw Failure.incomplete("no answer from the server within " + ANSWER_TIMEOUT_MS / 1000 + " s");
        } catch (IOException e) {
            throw Failure.incomplete("no usable answer from the server: " + e.getMessage());
        }
        if ("error".equals(response.path("status").asText())) {
            String code = response.path("error").asText();
            Lines.write(System.out, "ERROR " + code); // SER-9
            throw Failure.refused("the server refused: " + code + ": " + response.path("message").asText());
        }
        if (!"ok".equals(response.path("status").asText())) {
            throw Failure.incomplete("the server answered neither ok nor error: " + response);
        }
        return response;
    }
}
