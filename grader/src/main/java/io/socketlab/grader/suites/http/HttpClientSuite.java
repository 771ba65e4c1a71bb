package io.socketlab.grader.suites.http;

import static io.socketlab.grader.suites.http.Expect.step;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/** The HTTP client against scripted fake servers: its request, the body framings, --include and --head, exit codes. */
@ExerciseSuite(exercise = "http", program = Program.CLIENT)
class HttpClientSuite {

    private static final Text EXIT = Text.of("the client's exit code", "el código de salida del cliente");
    private static final Text OUTPUT = Text.of("the client's stdout", "la salida estándar del cliente");
    private static final Text REQUEST = Text.of("the client's request", "la petición del cliente");
    private static final String HELLO = "Hello, world!\n";

    /** The request head the client sent, line by line with line endings as sent, up to the empty line. */
    private static List<byte[]> readRequestHead(TcpProbe connection) throws Exception {
        List<byte[]> lines = new ArrayList<>();
        while (true) {
            byte[] line = connection.readRawLine(REQUEST, connection.replyTimeout());
            if (line.length <= 2 && new String(line, StandardCharsets.ISO_8859_1).strip().isEmpty()) {
                return lines;
            }
            lines.add(line);
            if (lines.size() > 100) {
                throw ConformanceFailure.wrongOutput(REQUEST, "a request head ending in an empty line",
                        Text.of("more than 100 lines", "más de 100 líneas"));
            }
        }
    }

    /** A fake server that reads the request head (kept in {@code request}), sends each piece, then closes. */
    private static FakeTcpServer answering(ClientUnderTest client, AtomicReference<List<byte[]>> request, byte[]... pieces)
            throws Exception {
        return client.fakeServer(connection -> {
            request.set(readRequestHead(connection));
            for (byte[] piece : pieces) {
                connection.send(piece);
            }
        });
    }

    /** Like {@link #answering}, but keeps the connection open after the response until the client closes it. */
    private static FakeTcpServer answeringThenWaiting(ClientUnderTest client, AtomicReference<List<byte[]>> request,
                                                      byte[] response) throws Exception {
        return client.fakeServer(connection -> {
            request.set(readRequestHead(connection));
            connection.send(response);
            connection.readUntilClosed(step("waiting for the client to close", "esperando a que el cliente cierre"), 1 << 16,
                    Duration.ofSeconds(12));
        });
    }

    private static String url(FakeTcpServer fake, String path) {
        return "http://" + ClientUnderTest.HOST + ":" + fake.port() + path;
    }

    /** Runs the client with exactly {@code arguments} (no --host/--port: the URL says where) until it exits. */
    private static ClientResult run(ClientUnderTest client, List<String> arguments) {
        ClientUnderTest.Run run = client.startRaw(arguments);
        run.writeStdinAndClose(new byte[0]);
        return run.awaitExit(step("waiting for the client to exit", "esperando a que el cliente termine"),
                client.timeouts().seconds(20));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static String requestLine(List<byte[]> head) {
        return head.isEmpty() ? "" : new String(head.get(0), StandardCharsets.UTF_8).strip();
    }

    /** The values of a field in the request head, its name compared case-insensitively. */
    private static List<String> fieldValues(List<byte[]> head, String name) {
        return head.stream().skip(1).map(l -> new String(l, StandardCharsets.UTF_8).strip())
                .filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                .map(l -> l.substring(name.length() + 1).strip()).toList();
    }

    private static String render(List<byte[]> head) {
        return Bytes.render(concat(head.toArray(new byte[0][])));
    }

    // ---- HTTP-19 ----

    @Baseline
    @Requirement(clause = "HTTP-19", points = 3)
    void fetchesAUrl(ClientUnderTest client) throws Exception {
        AtomicReference<List<byte[]>> request = new AtomicReference<>();
        FakeTcpServer fake = answering(client, request, Bytes.utf8("HTTP/1.1 200 OK\r\nContent-Type: text/plain; "
                + "charset=utf-8\r\nContent-Length: 14\r\n\r\n" + HELLO));
        ClientResult result = run(client, List.of(url(fake, "/hello.txt")));
        result.expectConnectedTo(fake).expectStdoutBytes(OUTPUT, Bytes.utf8(HELLO)).expectExitCode(EXIT, 0);
    }

    // ---- HTTP-20 ----

    /** Checks the request head: its request line, CRLF endings, one Host, a User-Agent and Connection: close. */
    private static void expectRequest(List<byte[]> head, String line, String host) {
        if (head == null || head.isEmpty()) {
            throw ConformanceFailure.wrongOutput(REQUEST, Bytes.quote(line + "\r\n") + " and the fields", "nothing");
        }
        for (byte[] raw : head) {
            int n = raw.length;
            if (n < 2 || raw[n - 2] != '\r' || raw[n - 1] != '\n') {
                throw ConformanceFailure.wrongOutput(REQUEST, "every line ending in \\r\\n", Bytes.render(raw));
            }
        }
        if (!requestLine(head).equals(line)) {
            throw ConformanceFailure.wrongOutput(REQUEST, Bytes.quote(line), Bytes.quote(requestLine(head)));
        }
        List<String> hosts = fieldValues(head, "Host");
        if (!hosts.equals(List.of(host))) {
            throw ConformanceFailure.wrongOutput(REQUEST, "one field Host: " + host, render(head));
        }
        if (fieldValues(head, "User-Agent").stream().allMatch(String::isBlank)) {
            throw ConformanceFailure.wrongOutput(REQUEST, "a User-Agent field naming the client", render(head));
        }
        boolean close = fieldValues(head, "Connection").stream().flatMap(v -> Arrays.stream(v.split(",")))
                .anyMatch(t -> t.strip().equalsIgnoreCase("close"));
        if (!close) {
            throw ConformanceFailure.wrongOutput(REQUEST, "Connection: close", render(head));
        }
    }

    private static byte[] okHello() {
        return Bytes.utf8("HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\n" + HELLO);
    }

    @Requirement(clause = "HTTP-20", points = 1)
    void sendsAWellFormedRequest(ClientUnderTest client) throws Exception {
        AtomicReference<List<byte[]>> request = new AtomicReference<>();
        FakeTcpServer fake = answering(client, request, okHello());
        ClientResult result = run(client, List.of(url(fake, "/docs/page.html?lang=es&x=1")));
        result.expectConnectedTo(fake);
        expectRequest(request.get(), "GET /docs/page.html?lang=es&x=1 HTTP/1.1", "127.0.0.1:" + fake.port());
    }

    @Requirement(clause = "HTTP-20", points = 1)
    void requestsRootForAUrlWithoutPath(ClientUnderTest client) throws Exception {
        AtomicReference<List<byte[]>> request = new AtomicReference<>();
        FakeTcpServer fake = answering(client, request, okHello());
        ClientResult result = run(client, List.of(url(fake, "")));
        result.expectConnectedTo(fake);
        expectRequest(request.get(), "GET / HTTP/1.1", "127.0.0.1:" + fake.port());
    }

    // ---- HTTP-21 ----

    /** One chunk: its size in uppercase hex, an optional extension, CRLF, the data, CRLF. */
    private static byte[] chunk(byte[] data, String extension) {
        return concat(Bytes.utf8(Integer.toHexString(data.length).toUpperCase(Locale.ROOT) + extension + "\r\n"), data,
                Bytes.utf8("\r\n"));
    }

    @Requirement(clause = "HTTP-21", points = 1)
    void decodesChunkedBodies(ClientUnderTest client, Random random) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteArrayOutputStream small = new ByteArrayOutputStream();
        byte[] first = Bytes.utf8("Chunked ¡hola! ");
        body.writeBytes(first);
        small.writeBytes(chunk(first, ";name=value;flag"));
        for (int i = 0; i < 60; i++) {
            byte[] piece = Arrays.copyOfRange(Bytes.utf8("0123456789abcdefghij"), 0, 1 + i % 3);
            body.writeBytes(piece);
            small.writeBytes(chunk(piece, ""));
        }
        byte[] large = new byte[40_000];
        random.nextBytes(large);
        for (int i = 0; i < 256; i++) {
            large[i] = (byte) i;
        }
        body.writeBytes(large);
        byte[] tail = Bytes.utf8("\r\nthe end\n");
        body.writeBytes(tail);
        byte[] head = Bytes.utf8("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n"
                + "Trailer: X-Checksum\r\n\r\n");
        byte[] end = concat(Bytes.utf8("00A\r\n"), tail, Bytes.utf8("\r\n0\r\nX-Checksum: 1234\r\nX-Other: yes\r\n\r\n"));
        AtomicReference<List<byte[]>> request = new AtomicReference<>();
        FakeTcpServer fake = client.fakeServer(connection -> {
            request.set(readRequestHead(connection));
            connection.send(head);
            connection.sendSliced(small.toByteArray(), 5, Duration.ofMillis(1));
            connection.send(chunk(large, ""));
            connection.sendSliced(end, 3, Duration.ofMillis(1));
        });
        ClientResult result = run(client, List.of(url(fake, "/chunked")));
        result.expectConnectedTo(fake).expectStdoutBytes(OUTPUT, body.toByteArray()).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "HTTP-21", points = 1)
    void readsOtherFramings(ClientUnderTest client, Random random) throws Exception {
        byte[] body = new byte[300_000];
        random.nextBytes(body);
        for (int i = 0; i < 256; i++) {
            body[i] = (byte) i;
        }
        FakeTcpServer untilClose = answering(client, new AtomicReference<>(),
                Bytes.utf8("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n"), body);
        run(client, List.of(url(untilClose, "/close-delimited.bin"))).expectConnectedTo(untilClose)
                .expectStdoutBytes(step("stdout for a close-delimited body", "la salida con un cuerpo delimitado por el cierre"), body)
                .expectExitCode(EXIT, 0);
        FakeTcpServer counted = answeringThenWaiting(client, new AtomicReference<>(), concat(Bytes.utf8(
                "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length + "\r\n\r\n"), body));
        run(client, List.of(url(counted, "/counted.bin"))).expectConnectedTo(counted)
                .expectStdoutBytes(step("stdout for a Content-Length body (the server leaves the connection open)",
                        "la salida con un cuerpo con Content-Length (el servidor deja la conexión abierta)"), body)
                .expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "HTTP-21", points = 1)
    void skipsInterimResponses(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = answering(client, new AtomicReference<>(),
                Bytes.utf8("HTTP/1.1 100 Continue\r\n\r\n"),
                Bytes.utf8("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\nLink: </app.js>; rel=preload\r\n\r\n"),
                okHello());
        run(client, List.of(url(fake, "/hello.txt"))).expectConnectedTo(fake)
                .expectStdoutBytes(OUTPUT, Bytes.utf8(HELLO)).expectExitCode(EXIT, 0);
    }

    // ---- HTTP-22 ----

    private static final List<String> HEAD_LINES = List.of("HTTP/1.1 200 OK", "Content-Type: text/plain; charset=utf-8",
            "Content-Length: 14", "X-Trace: abc-123", "Cache-Control: no-cache");

    /** Fails unless stdout is the head lines (CRLF or LF), an empty line, then exactly {@code body}. */
    private static void expectHeadThenBody(ClientResult result, byte[] body, Text step) {
        byte[] out = result.stdout();
        String expectedHead = String.join("\n", HEAD_LINES) + "\n\n";
        boolean endsWithBody = out.length >= body.length
                && Arrays.equals(Arrays.copyOfRange(out, out.length - body.length, out.length), body);
        String head = endsWithBody ? new String(out, 0, out.length - body.length, StandardCharsets.UTF_8)
                .replace("\r\n", "\n") : "";
        if (!endsWithBody || !head.equals(expectedHead)) {
            throw ConformanceFailure.wrongOutput(step, Bytes.quote(expectedHead.replace("\n", "\r\n")) + " then "
                    + (body.length == 0 ? "nothing" : Bytes.render(body)), Bytes.render(out));
        }
    }

    @Requirement(clause = "HTTP-22", points = 1)
    void includePrintsTheHead(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = answering(client, new AtomicReference<>(),
                Bytes.utf8(String.join("\r\n", HEAD_LINES) + "\r\n\r\n" + HELLO));
        ClientResult result = run(client, List.of("--include", url(fake, "/hello.txt")));
        result.expectConnectedTo(fake).expectExitCode(EXIT, 0);
        expectHeadThenBody(result, Bytes.utf8(HELLO), OUTPUT);
    }

    @Requirement(clause = "HTTP-22", points = 1)
    void headPrintsNoBody(ClientUnderTest client) throws Exception {
        byte[] response = Bytes.utf8(String.join("\r\n", HEAD_LINES).replace("Content-Length: 14", "Content-Length: 1234")
                + "\r\n\r\n");
        AtomicReference<List<byte[]>> request = new AtomicReference<>();
        FakeTcpServer fake = answeringThenWaiting(client, request, response);
        ClientResult plain = run(client, List.of("--head", url(fake, "/hello.txt")));
        plain.expectConnectedTo(fake);
        if (!requestLine(request.get()).equals("HEAD /hello.txt HTTP/1.1")) {
            throw ConformanceFailure.wrongOutput(REQUEST, "\"HEAD /hello.txt HTTP/1.1\"", Bytes.quote(requestLine(request.get())));
        }
        plain.expectStdoutBytes(step("stdout with --head", "la salida con --head"), new byte[0]).expectExitCode(EXIT, 0);

        FakeTcpServer both = answeringThenWaiting(client, new AtomicReference<>(), response);
        ClientResult included = run(client, List.of("--head", "--include", url(both, "/hello.txt")));
        included.expectConnectedTo(both).expectExitCode(EXIT, 0);
        byte[] out = included.stdout();
        String expected = String.join("\n", HEAD_LINES).replace("Content-Length: 14", "Content-Length: 1234") + "\n\n";
        if (!new String(out, StandardCharsets.UTF_8).replace("\r\n", "\n").equals(expected)) {
            throw ConformanceFailure.wrongOutput(step("stdout with --head --include", "la salida con --head --include"),
                    Bytes.quote(expected.replace("\n", "\r\n")), Bytes.render(out));
        }
    }

    // ---- HTTP-23 ----

    @Requirement(clause = "HTTP-23", points = 1)
    void exitCodesFollowTheStatus(ClientUnderTest client) throws Exception {
        String[][] cases = {
                {"301 Moved Permanently", "moved\n", "0"},
                {"404 Not Found", "<html>not found</html>\n", "1"},
                {"500 Internal Server Error", "<html>oops</html>\n", "1"}};
        for (String[] c : cases) {
            byte[] body = Bytes.utf8(c[1]);
            AtomicReference<FakeTcpServer> self = new AtomicReference<>();
            FakeTcpServer fake = client.fakeServer(connection -> {
                readRequestHead(connection);
                connection.send("HTTP/1.1 " + c[0] + "\r\nLocation: http://127.0.0.1:" + self.get().port()
                        + "/elsewhere\r\nContent-Length: " + body.length + "\r\n\r\n");
                connection.send(body);
            });
            self.set(fake);
            Text step = step("the client after \"" + c[0] + "\"", "el cliente tras \"" + c[0] + "\"");
            ClientResult result = run(client, List.of(url(fake, "/page")));
            result.expectConnectedTo(fake).expectStdoutBytes(step, body).expectExitCode(step, Integer.parseInt(c[2]));
            if (c[2].equals("1")) {
                result.expectErrorLine(step);
            }
            if (fake.connections() != 1) {
                throw ConformanceFailure.wrongOutput(step, "one connection (redirects are not followed)",
                        Text.of(fake.connections() + " connections", fake.connections() + " conexiones"));
            }
        }
    }

    @Requirement(clause = "HTTP-23", points = 1)
    void exitsTwoOnBrokenConversations(ClientUnderTest client) throws Exception {
        Text refused = step("the client against a port where nothing listens", "el cliente contra un puerto sin servidor");
        run(client, List.of("http://127.0.0.1:" + client.refusedPort() + "/hello.txt"))
                .expectExitCode(refused, 2).expectErrorLine(refused);
        FakeTcpServer cut = answering(client, new AtomicReference<>(),
                Bytes.utf8("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789"));
        Text cutStep = step("the client after a body cut short (10 of 100 bytes)", "el cliente tras un cuerpo cortado (10 de 100 bytes)");
        run(client, List.of(url(cut, "/cut"))).expectConnectedTo(cut).expectExitCode(cutStep, 2).expectErrorLine(cutStep);
        FakeTcpServer garbage = answering(client, new AtomicReference<>(), Bytes.utf8("garbage\r\n\r\n"));
        Text garbageStep = step("the client after the response \"garbage\"", "el cliente tras la respuesta \"garbage\"");
        run(client, List.of(url(garbage, "/garbage"))).expectConnectedTo(garbage).expectExitCode(garbageStep, 2)
                .expectErrorLine(garbageStep);
    }

    // ---- HTTP-24 ----

    @Requirement(clause = "HTTP-24", points = 1)
    void givesUpAfterSilence(ClientUnderTest client) throws Exception {
        FakeTcpServer silent = client.fakeServer(connection -> {
            readRequestHead(connection);
            connection.readUntilClosed(step("staying silent", "guardando silencio"), 1 << 16, Duration.ofSeconds(30));
        });
        long start = System.nanoTime();
        ClientUnderTest.Run run = client.startRaw(List.of(url(silent, "/slow")));
        run.writeStdinAndClose(new byte[0]);
        Duration limit = client.timeouts().seconds(25);
        Text step = step("the client facing a server that never answers", "el cliente ante un servidor que nunca responde");
        ClientResult result = run.awaitExit(step, limit);
        double seconds = (System.nanoTime() - start) / 1e9;
        result.expectConnectedTo(silent).expectExitCode(step, 2).expectErrorLine(step);
        if (seconds < 9.5) {
            throw ConformanceFailure.wrongOutput(step, "exit after 10 s of silence",
                    Text.of(String.format(Locale.ROOT, "exit after %.1f s", seconds),
                            String.format(Locale.ROOT, "salida tras %.1f s", seconds)));
        }
    }
}
