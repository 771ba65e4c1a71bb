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
import java.util.regex.Pattern;

/** The HTTP client against scripted fake servers: its request, the body framings, --include and --head, exit codes. */
@ExerciseSuite(exercise = "http", program = Program.CLIENT)
class HttpClientSuite {

    private static final Text EXIT = Text.of("the client's exit code", "el código de salida del cliente");
    private static final Text OUTPUT = Text.of("the client's stdout", "la salida estándar del cliente");
    private static final Text REQUEST = Text.of("the client's request", "la petición del cliente");
    private static final String HELLO = "Hello, world!\n";
    /** The first line of a Python traceback, or a Java stack frame or uncaught exception. */
    private static final Pattern TRACEBACK = Pattern.compile(
            "Traceback \\(most recent call last\\):|\\s+at [\\w$.<>/]+\\(.*\\)|Exception in thread .*");

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
            connection.readUntilClosed(1 << 16, step("waiting for the client to close", "esperando a que el cliente cierre"),
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
            connection.sendSliced(small.toByteArray(), 5, Duration.ofMillis(1));
            connection.send(chunk(large, ""));
            connection.sendSliced(end, 3, Duration.ofMillis(1));
        });
        ClientResult result = run(client, List.of(url(fake, "/chunked")));
        result.expectConnectedTo(fake).expectStdoutBytes(OUTPUT, body.toByteArray()).expectExitCode(EXIT, 0);
    }

    /**
     * A counted body in pieces that break every reading shortcut: the head one byte per segment, then segments of 1,
     * 1023, 1024 and 1025 bytes (a short read is not the end), a pause, and the rest in large writes.
     */
    private static void sendInPieces(TcpProbe connection, byte[] head, byte[] body) throws Exception {
        connection.sendSliced(head, 1, Duration.ofMillis(1));
        int from = 0;
        for (int piece : new int[] {1, 1023, 1024, 1025}) {
            connection.send(Arrays.copyOfRange(body, from, from + piece));
            from += piece;
        }
        connection.sendSliced(Arrays.copyOfRange(body, from, from + 7), 7, Duration.ofMillis(300));
        connection.send(Arrays.copyOfRange(body, from + 7, body.length));
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
        // RFC 9112 §6.3: a transfer coding other than chunked last leaves the body to the close, written as it came.
        byte[] coded = Arrays.copyOf(body, 5000);
        FakeTcpServer gzip = answering(client, new AtomicReference<>(),
                Bytes.utf8("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n"), coded);
        run(client, List.of(url(gzip, "/coded.bin"))).expectConnectedTo(gzip)
                .expectStdoutBytes(step("stdout for a body with Transfer-Encoding: gzip (read until the close)",
                        "la salida con un cuerpo con Transfer-Encoding: gzip (leído hasta el cierre)"), coded)
                .expectExitCode(EXIT, 0);

        byte[] large = new byte[3 << 20];
        random.nextBytes(large);
        byte[] head = Bytes.utf8("HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: "
                + large.length + "\r\n\r\n");
        FakeTcpServer counted = client.fakeServer(connection -> {
            readRequestHead(connection);
            sendInPieces(connection, head, large);
            connection.readUntilClosed(1 << 16, step("waiting for the client to close", "esperando a que el cliente cierre"),
                    Duration.ofSeconds(12));
        });
        run(client, List.of(url(counted, "/counted.bin"))).expectConnectedTo(counted)
                .expectStdoutBytes(step("stdout for a 3 MiB content-length body in pieces (the server leaves the connection open)",
                        "la salida con un cuerpo de 3 MiB con content-length en trozos (el servidor deja la conexión abierta)"),
                        large)
                .expectExitCode(EXIT, 0);

        // RFC 9112 §6.3: a 204 has no body, whatever follows; the server keeps the connection open.
        FakeTcpServer noContent = answeringThenWaiting(client, new AtomicReference<>(),
                Bytes.utf8("HTTP/1.1 204 No Content\r\nX-Note: nothing follows\r\n\r\n"));
        Text step = step("the client after \"204 No Content\" (the server leaves the connection open)",
                "el cliente tras \"204 No Content\" (el servidor deja la conexión abierta)");
        run(client, List.of(url(noContent, "/nothing"))).expectConnectedTo(noContent)
                .expectStdoutBytes(step, new byte[0]).expectExitCode(step, 0);
    }

    @Requirement(clause = "HTTP-21", points = 1)
    void skipsInterimResponses(ClientUnderTest client) throws Exception {
        // All three responses in one write: a client must find where each ends, not take one read for one response.
        FakeTcpServer fake = answering(client, new AtomicReference<>(), concat(
                Bytes.utf8("HTTP/1.1 100 Continue\r\n\r\n"),
                Bytes.utf8("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\nLink: </app.js>; rel=preload\r\n\r\n"),
                okHello()));
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
                expectOneErrorLine(result, step);
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
        expectOneErrorLine(run(client, List.of("http://127.0.0.1:" + client.refusedPort() + "/hello.txt"))
                .expectExitCode(refused, 2), refused);
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
            expectOneErrorLine(run(client, List.of(url(fake, "/broken"))).expectConnectedTo(fake).expectExitCode(step, 2),
                    step);
        }
        // A usage error is a 2 too ("Starting the programs"): a URL that is not http://, or none.
        Text usage = step("the client given https://127.0.0.1:1/", "el cliente con https://127.0.0.1:1/");
        expectOneErrorLine(run(client, List.of("https://127.0.0.1:1/")).expectExitCode(usage, 2), usage);
        Text none = step("the client given no URL", "el cliente sin URL");
        expectOneErrorLine(run(client, List.of("--include")).expectExitCode(none, 2), none);
    }

    /**
     * Fails unless stderr holds exactly one line saying what happened (HTTP-23): a traceback is not one line, even
     * when the exit code happens to be the right one.
     */
    private static void expectOneErrorLine(ClientResult result, Text step) {
        List<String> lines = result.stderrLines().stream().filter(l -> !l.startsWith("Picked up ")).toList();
        if (lines.size() == 1) {
            return;
        }
        result.expectErrorLine(step);
        boolean traceback = lines.stream().anyMatch(l -> TRACEBACK.matcher(l).matches());
        String shown = Bytes.quote(String.join("\n", lines));
        throw ConformanceFailure.wrongOutput(step, "one line on stderr saying what happened", traceback
                ? Text.of("a traceback of " + lines.size() + " lines: " + shown,
                        "una traza de excepción de " + lines.size() + " líneas: " + shown)
                : Text.of(lines.size() + " lines: " + shown, lines.size() + " líneas: " + shown))
                .withHint(traceback ? Text.of("the client ended with an uncaught exception: catch it where it happens,"
                                + " print one line saying what went wrong on stderr, and exit with the contract's code",
                        "el cliente terminó con una excepción sin capturar: trátala donde ocurre, escribe en stderr"
                                + " una línea que diga qué falló y termina con el código del contrato") : null);
    }

    // ---- HTTP-24 ----

    @Requirement(clause = "HTTP-24", points = 1)
    void givesUpAfterSilence(ClientUnderTest client) throws Exception {
        FakeTcpServer silent = client.fakeServer(connection -> {
            readRequestHead(connection);
            connection.readUntilClosed(1 << 16, step("staying silent", "guardando silencio"), Duration.ofSeconds(30));
        });
        // Slow, not silent (the 10 s count from the last byte): five bytes of body 3.2 s apart, 16 s in all.
        byte[] slowBody = Bytes.utf8("slow!");
        FakeTcpServer slow = client.fakeServer(connection -> {
            readRequestHead(connection);
            connection.send("HTTP/1.1 200 OK\r\nContent-Length: " + slowBody.length + "\r\n\r\n");
            connection.sendSliced(slowBody, 1, Duration.ofMillis(3200));
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
        expectOneErrorLine(result.expectConnectedTo(silent).expectExitCode(step, 2), step);
        if (seconds < 9.5) {
            throw ConformanceFailure.wrongOutput(step, "exit after 10 s of silence",
                    Text.of(String.format(Locale.ROOT, "exit after %.1f s", seconds),
                            String.format(Locale.ROOT, "salida tras %.1f s", seconds)));
        }
        Text slowStep = step("the client facing a server that sends a byte every 3.2 s (slow, not silent)",
                "el cliente ante un servidor que envía un byte cada 3,2 s (lento, no callado)");
        slowRun.awaitExit(slowStep, limit).expectConnectedTo(slow).expectStdoutBytes(slowStep, slowBody)
                .expectExitCode(slowStep, 0);
    }
}
