package io.socketlab.grader.suites.http;

import static io.socketlab.grader.suites.http.Expect.step;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.Slicing;
import io.socketlab.grader.probe.TcpProbe;
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
    static List<byte[]> readRequestHead(TcpProbe connection) throws Exception {
        List<byte[]> lines = new ArrayList<>();
        while (true) {
            byte[] line = connection.readRawLine(REQUEST, connection.replyTimeout());
            if (line.length <= 2 && new String(line, StandardCharsets.ISO_8859_1).strip().isEmpty()) {
                return lines;
            }
            lines.add(line);
            if (lines.size() > 100) {
                throw ConformanceFailure.wrongOutput(REQUEST, Text.of("a request head ending in an empty line",
                        "una cabecera de petición terminada en una línea vacía"), Text.of("more than 100 lines", "más de 100 líneas"));
            }
        }
    }

    /** A fake server that reads the request head (kept in {@code request}), sends each piece, then closes. */
    static FakeTcpServer answering(ClientUnderTest client, AtomicReference<List<byte[]>> request, byte[]... pieces)
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

    static String url(FakeTcpServer fake, String path) {
        return "http://" + ClientUnderTest.HOST + ":" + fake.port() + path;
    }

    /** Runs the client with exactly {@code arguments} (no --host/--port: the URL says where) until it exits. */
    static ClientResult run(ClientUnderTest client, List<String> arguments) {
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

    private static Text render(List<byte[]> head) {
        return Text.same(Bytes.render(concat(head.toArray(new byte[0][]))));
    }

    // ---- HTTP-19 ----

    @Baseline
    @Requirement(clause = "HTTP-19", points = 3)
    void fetchesAUrl(ClientUnderTest client) throws Exception {
        AtomicReference<List<byte[]>> request = new AtomicReference<>();
        FakeTcpServer fake = answering(client, request, Bytes.utf8("HTTP/1.1 200 OK\r\nContent-Type: text/plain; "
                + "charset=utf-8\r\nContent-Length: 14\r\n\r\n" + HELLO));
        ClientResult result = run(client, List.of(url(fake, "/hello.txt")));
        result.expectServedBy(fake).expectStdoutBytes(OUTPUT, Bytes.utf8(HELLO)).expectExitCode(EXIT, 0);
    }

    // ---- HTTP-20 ----

    /** Checks the request head: its request line, CRLF endings, one Host, a User-Agent and Connection: close. */
    private static void expectRequest(List<byte[]> head, String line, String host) {
        if (head == null || head.isEmpty()) {
            throw ConformanceFailure.wrongOutput(REQUEST, Text.format("%s and the fields", "%s y los campos",
                    Bytes.quote(line + "\r\n")), Text.of("nothing", "nada"));
        }
        for (byte[] raw : head) {
            int n = raw.length;
            if (n < 2 || raw[n - 2] != '\r' || raw[n - 1] != '\n') {
                throw ConformanceFailure.wrongOutput(REQUEST, Text.of("every line ending in \\r\\n",
                        "cada línea terminada en \\r\\n"), Text.format("the line %s", "la línea %s", Bytes.render(raw)));
            }
        }
        if (!requestLine(head).equals(line)) {
            throw ConformanceFailure.wrongOutput(REQUEST, Text.same(Bytes.quote(line)), Text.same(Bytes.quote(requestLine(head))));
        }
        List<String> hosts = fieldValues(head, "Host");
        if (!hosts.equals(List.of(host))) {
            throw ConformanceFailure.wrongOutput(REQUEST, Text.format("one field Host: %s", "un único campo Host: %s", host),
                    render(head));
        }
        if (fieldValues(head, "User-Agent").stream().allMatch(String::isBlank)) {
            throw ConformanceFailure.wrongOutput(REQUEST, Text.of("a User-Agent field naming the client",
                    "un campo User-Agent que nombre al cliente"), render(head));
        }
        boolean close = fieldValues(head, "Connection").stream().flatMap(v -> Arrays.stream(v.split(",")))
                .anyMatch(t -> t.strip().equalsIgnoreCase("close"));
        if (!close) {
            throw ConformanceFailure.wrongOutput(REQUEST, Text.same("Connection: close"), render(head));
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
        result.expectServedBy(fake);
        expectRequest(request.get(), "GET /docs/page.html?lang=es&x=1 HTTP/1.1", "127.0.0.1:" + fake.port());
    }

    @Requirement(clause = "HTTP-20", points = 1)
    void requestsRootForAUrlWithoutPath(ClientUnderTest client) throws Exception {
        AtomicReference<List<byte[]>> request = new AtomicReference<>();
        FakeTcpServer fake = answering(client, request, okHello());
        ClientResult result = run(client, List.of(url(fake, "")));
        result.expectServedBy(fake);
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
        small.writeBytes(chunk(first, " ; name=\"a;b\";flag"));
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
        // Field names are case-insensitive (RFC 9110 §5.1): a client that looks for "Transfer-Encoding" only misses it.
        byte[] head = Bytes.utf8("HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ntransfer-encoding: chunked\r\n"
                + "trailer: X-Checksum\r\n\r\n");
        byte[] end = concat(Bytes.utf8("00A\r\n"), tail, Bytes.utf8("\r\n0\r\nX-Checksum: 1234\r\nX-Other: yes\r\n\r\n"));
        AtomicReference<List<byte[]>> request = new AtomicReference<>();
        FakeTcpServer fake = client.fakeServer(connection -> {
            request.set(readRequestHead(connection));
            connection.send(head);
            connection.send(small.toByteArray(), Slicing.pieces(5).pausing(Duration.ofMillis(1)));
            connection.send(chunk(large, ""));
            connection.send(end, Slicing.pieces(3).pausing(Duration.ofMillis(1)));
        });
        ClientResult result = run(client, List.of(url(fake, "/chunked")));
        result.expectServedBy(fake).expectStdoutBytes(OUTPUT, body.toByteArray()).expectExitCode(EXIT, 0);
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
        run(client, List.of(url(untilClose, "/close-delimited.bin"))).expectServedBy(untilClose)
                .expectStdoutBytes(step("stdout for a close-delimited body", "la salida con un cuerpo delimitado por el cierre"), body)
                .expectExitCode(EXIT, 0);
        // RFC 9112 §6.3: a transfer coding other than chunked last leaves the body to the close, written as it came.
        byte[] coded = Arrays.copyOf(body, 5000);
        FakeTcpServer gzip = answering(client, new AtomicReference<>(),
                Bytes.utf8("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n"), coded);
        run(client, List.of(url(gzip, "/coded.bin"))).expectServedBy(gzip)
                .expectStdoutBytes(step("stdout for a body with Transfer-Encoding: gzip (read until the close)",
                        "la salida con un cuerpo con Transfer-Encoding: gzip (leído hasta el cierre)"), coded)
                .expectExitCode(EXIT, 0);

        byte[] large = new byte[3 << 20];
        random.nextBytes(large);
        byte[] head = Bytes.utf8("HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: "
                + large.length + "\r\n\r\n");
        FakeTcpServer counted = client.fakeServer(connection -> {
            readRequestHead(connection);
            // Pieces that break every reading shortcut: the head a byte at a time, then 1, 1023, 1024, 1025 and 7
            // bytes of body (a short read is not the end), and the rest at once.
            connection.send(head, Slicing.everyByte().pausing(Duration.ofMillis(1)))
                    .send(large, Slicing.at(1, 1024, 2048, 3073, 3080).pausing(Duration.ofMillis(100)));
            connection.readUntilClosed(step("waiting for the client to close", "esperando a que el cliente cierre"),
                    1 << 16, Duration.ofSeconds(12));
        });
        run(client, List.of(url(counted, "/counted.bin"))).expectServedBy(counted)
                .expectStdoutBytes(step("stdout for a 3 MiB content-length body in pieces (the server leaves the connection open)",
                        "la salida con un cuerpo de 3 MiB con content-length en trozos (el servidor deja la conexión abierta)"),
                        large)
                .expectExitCode(EXIT, 0);

        // RFC 9112 §6.3: a 204 has no body, whatever follows; the server keeps the connection open.
        FakeTcpServer noContent = answeringThenWaiting(client, new AtomicReference<>(),
                Bytes.utf8("HTTP/1.1 204 No Content\r\nX-Note: nothing follows\r\n\r\n"));
        Text step = step("the client after \"204 No Content\" (the server leaves the connection open)",
                "el cliente tras \"204 No Content\" (el servidor deja la conexión abierta)");
        run(client, List.of(url(noContent, "/nothing"))).expectServedBy(noContent)
                .expectStdoutBytes(step, new byte[0]).expectExitCode(step, 0);
    }

    @Requirement(clause = "HTTP-21", points = 1)
    void skipsInterimResponses(ClientUnderTest client) throws Exception {
        // All three responses in one write: a client must find where each ends, not take one read for one response.
        FakeTcpServer fake = answering(client, new AtomicReference<>(), concat(
                Bytes.utf8("HTTP/1.1 100 Continue\r\n\r\n"),
                Bytes.utf8("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\nLink: </app.js>; rel=preload\r\n\r\n"),
                okHello()));
        run(client, List.of(url(fake, "/hello.txt"))).expectServedBy(fake)
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
            throw ConformanceFailure.wrongOutput(step, Text.format("%s then %s", "%s y luego %s",
                    Bytes.quote(expectedHead.replace("\n", "\r\n")), Bytes.render(body)), Text.same(Bytes.render(out)));
        }
    }

    @Requirement(clause = "HTTP-22", points = 1)
    void includePrintsTheHead(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = answering(client, new AtomicReference<>(),
                Bytes.utf8(String.join("\r\n", HEAD_LINES) + "\r\n\r\n" + HELLO));
        ClientResult result = run(client, List.of("--include", url(fake, "/hello.txt")));
        result.expectServedBy(fake).expectExitCode(EXIT, 0);
        expectHeadThenBody(result, Bytes.utf8(HELLO), OUTPUT);
    }

    @Requirement(clause = "HTTP-22", points = 1)
    void headPrintsNoBody(ClientUnderTest client) throws Exception {
        byte[] response = Bytes.utf8(String.join("\r\n", HEAD_LINES).replace("Content-Length: 14", "Content-Length: 1234")
                + "\r\n\r\n");
        AtomicReference<List<byte[]>> request = new AtomicReference<>();
        FakeTcpServer fake = answeringThenWaiting(client, request, response);
        ClientResult plain = run(client, List.of("--head", url(fake, "/hello.txt")));
        plain.expectServedBy(fake);
        if (!requestLine(request.get()).equals("HEAD /hello.txt HTTP/1.1")) {
            throw ConformanceFailure.wrongOutput(REQUEST, Text.same("\"HEAD /hello.txt HTTP/1.1\""),
                    Text.same(Bytes.quote(requestLine(request.get()))));
        }
        plain.expectStdoutBytes(step("stdout with --head", "la salida con --head"), new byte[0]).expectExitCode(EXIT, 0);

        FakeTcpServer both = answeringThenWaiting(client, new AtomicReference<>(), response);
        ClientResult included = run(client, List.of("--head", "--include", url(both, "/hello.txt")));
        included.expectServedBy(both).expectExitCode(EXIT, 0);
        byte[] out = included.stdout();
        String expected = String.join("\n", HEAD_LINES).replace("Content-Length: 14", "Content-Length: 1234") + "\n\n";
        if (!new String(out, StandardCharsets.UTF_8).replace("\r\n", "\n").equals(expected)) {
            throw ConformanceFailure.wrongOutput(step("stdout with --head --include", "la salida con --head --include"),
                    Text.same(Bytes.quote(expected.replace("\n", "\r\n"))), Text.same(Bytes.render(out)));
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
            result.expectServedBy(fake).expectStdoutBytes(step, body).expectExitCode(step, Integer.parseInt(c[2]));
            if (c[2].equals("1")) {
                result.expectOneErrorLine(step);
            }
            if (fake.connections() != 1) {
                throw ConformanceFailure.wrongOutput(step, Text.of("one connection (redirects are not followed)",
                        "una conexión (las redirecciones no se siguen)"),
                        Text.format("%d connections", "%d conexiones", fake.connections()));
            }
        }
    }

    @Requirement(clause = "HTTP-23", points = 1)
    void exitsTwoOnBrokenConversations(ClientUnderTest client) throws Exception {
        Text refused = step("the client against a port where nothing listens", "el cliente contra un puerto sin servidor");
        run(client, List.of("http://127.0.0.1:" + client.refusedPort() + "/hello.txt"))
                .expectExitCode(refused, 2).expectOneErrorLine(refused);
        String[][] broken = {
                {"a body cut short (10 of 100 bytes)", "un cuerpo cortado (10 de 100 bytes)",
                        "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789"},
                {"a chunked body without its last chunk", "un cuerpo por trozos sin su último trozo",
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"},
                {"the response \"garbage\"", "la respuesta \"garbage\"", "garbage\r\n\r\n"},
                {"a field line without a colon", "una línea de campo sin dos puntos",
                        "HTTP/1.1 200 OK\r\nno colon here\r\nContent-Length: 2\r\n\r\nhi"},
                {"Content-Length: abc", "Content-Length: abc", "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\nhi"},
                {"a chunk size that is not hexadecimal", "un tamaño de trozo que no es hexadecimal",
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"},
                {"a close before any response", "un cierre antes de cualquier respuesta", ""}};
        for (String[] c : broken) {
            FakeTcpServer fake = answering(client, new AtomicReference<>(), Bytes.utf8(c[2]));
            Text step = step("the client after " + c[0], "el cliente tras " + c[1]);
            run(client, List.of(url(fake, "/broken"))).expectServedBy(fake).expectExitCode(step, 2).expectOneErrorLine(step);
        }
        // A usage error is a 2 too ("Starting the programs"): a URL that is not http://, or none.
        Text usage = step("the client given https://127.0.0.1:1/", "el cliente con https://127.0.0.1:1/");
        run(client, List.of("https://127.0.0.1:1/")).expectExitCode(usage, 2).expectOneErrorLine(usage);
        Text none = step("the client given no URL", "el cliente sin URL");
        run(client, List.of("--include")).expectExitCode(none, 2).expectOneErrorLine(none);
    }

    // ---- HTTP-24 ----

    @Requirement(clause = "HTTP-24", points = 1)
    void givesUpAfterSilence(ClientUnderTest client) throws Exception {
        FakeTcpServer silent = client.fakeServer(connection -> {
            readRequestHead(connection);
            connection.readUntilClosed(step("staying silent", "guardando silencio"), 1 << 16, Duration.ofSeconds(30));
        });
        // Slow, not silent (the 10 s count from the last byte): five bytes of body 3.2 s apart, 16 s in all.
        byte[] slowBody = Bytes.utf8("slow!");
        FakeTcpServer slow = client.fakeServer(connection -> {
            readRequestHead(connection);
            connection.send("HTTP/1.1 200 OK\r\nContent-Length: " + slowBody.length + "\r\n\r\n");
            connection.send(slowBody, Slicing.everyByte().pausing(Duration.ofMillis(3200)));
        });
        long start = System.nanoTime();
        ClientUnderTest.Run silentRun = client.startRaw(List.of(url(silent, "/silent")));
        silentRun.writeStdinAndClose(new byte[0]);
        ClientUnderTest.Run slowRun = client.startRaw(List.of(url(slow, "/slow")));
        slowRun.writeStdinAndClose(new byte[0]);
        Duration limit = client.timeouts().seconds(25);
        Text step = step("the client facing a server that never answers", "el cliente ante un servidor que nunca responde");
        ClientResult result = silentRun.awaitExit(step, limit);
        double seconds = (System.nanoTime() - start) / 1e9;
        result.expectServedBy(silent).expectExitCode(step, 2).expectOneErrorLine(step);
        if (seconds < 9.5) {
            throw ConformanceFailure.wrongOutput(step, Text.of("exit after 10 s of silence", "salida tras 10 s de silencio"),
                    Text.format("exit after %.1f s", "salida tras %.1f s", seconds));
        }
        Text slowStep = step("the client facing a server that sends a byte every 3.2 s (slow, not silent)",
                "el cliente ante un servidor que envía un byte cada 3,2 s (lento, no callado)");
        slowRun.awaitExit(slowStep, limit).expectServedBy(slow).expectStdoutBytes(slowStep, slowBody)
                .expectExitCode(slowStep, 0);
    }
}
