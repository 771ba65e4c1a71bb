package io.socketlab.grader.suites.http;

import static io.socketlab.grader.suites.http.Expect.step;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.suite.Baseline;
import io.socketlab.grader.suite.ClientResult;
import io.socketlab.grader.suite.ClientUnderTest;
import io.socketlab.grader.suite.ExerciseTests;
import io.socketlab.grader.suite.Requirement;
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
@ExerciseTests(exercise = "http", program = Program.CLIENT)
class HttpClientTests {

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
    @Requirement(clause = "HTTP-19", points = 3,
            title = "fetches a URL and writes the body to stdout byte for byte, exit 0",
            titleEs = "descarga una URL y escribe el cuerpo en la salida estándar byte a byte, sale con 0",
            hint = "connect to the URL's host and port, send GET, read the status line and fields up to the empty "
                    + "line, then copy exactly Content-Length bytes to stdout",
            hintEs = "conéctate al host y puerto de la URL, envía GET, lee la línea de estado y los campos hasta la "
                    + "línea vacía y copia exactamente Content-Length bytes a la salida estándar")
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

    @Requirement(clause = "HTTP-20", points = 1,
            title = "sends GET /path?query HTTP/1.1 with Host, User-Agent and Connection: close, in CRLF lines",
            titleEs = "envía GET /ruta?query HTTP/1.1 con Host, User-Agent y Connection: close, en líneas CRLF",
            hint = "the request line carries the URL's path and query; Host is host:port as in the URL; end every "
                    + "line with \\r\\n and the head with an empty line",
            hintEs = "la línea de petición lleva la ruta y la query de la URL; Host es host:puerto como en la URL; "
                    + "acaba cada línea con \\r\\n y la cabecera con una línea vacía")
    void sendsAWellFormedRequest(ClientUnderTest client) throws Exception {
        AtomicReference<List<byte[]>> request = new AtomicReference<>();
        FakeTcpServer fake = answering(client, request, okHello());
        ClientResult result = run(client, List.of(url(fake, "/docs/page.html?lang=es&x=1")));
        result.expectConnectedTo(fake);
        expectRequest(request.get(), "GET /docs/page.html?lang=es&x=1 HTTP/1.1", "127.0.0.1:" + fake.port());
    }

    @Requirement(clause = "HTTP-20", points = 1,
            title = "requests / for a URL without a path",
            titleEs = "pide / para una URL sin ruta",
            hint = "an empty path is \"/\": http://host:port asks for GET / HTTP/1.1",
            hintEs = "una ruta vacía es \"/\": http://host:puerto pide GET / HTTP/1.1")
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

    @Requirement(clause = "HTTP-21", points = 1,
            title = "decodes a chunked body: extensions, uppercase hex, many small chunks, trailers, split writes",
            titleEs = "decodifica un cuerpo chunked: extensiones, hex en mayúsculas, muchos fragmentos, trailers, escrituras partidas",
            hint = "loop: read a hex size line (ignore ';...'), then exactly that many bytes and a CRLF; stop at size 0 "
                    + "and skip the trailer lines up to the empty line",
            hintEs = "en bucle: lee una línea con el tamaño en hex (ignora ';...'), luego exactamente esos bytes y un "
                    + "CRLF; para en tamaño 0 y salta los trailers hasta la línea vacía")
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

    @Requirement(clause = "HTTP-21", points = 1,
            title = "reads a close-delimited body and a binary Content-Length body exactly",
            titleEs = "lee exactos un cuerpo delimitado por el cierre y un cuerpo binario con Content-Length",
            hint = "without Content-Length or Transfer-Encoding the body runs to the close; with Content-Length stop "
                    + "after that many bytes even if the server keeps the connection open",
            hintEs = "sin Content-Length ni Transfer-Encoding el cuerpo llega hasta el cierre; con Content-Length para "
                    + "tras esos bytes aunque el servidor mantenga abierta la conexión")
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

    @Requirement(clause = "HTTP-21", points = 1,
            title = "skips 100 Continue and 103 Early Hints before the final response",
            titleEs = "salta 100 Continue y 103 Early Hints antes de la respuesta final",
            hint = "a 1xx status is interim: read its fields up to the empty line, then read the next status line",
            hintEs = "un estado 1xx es provisional: lee sus campos hasta la línea vacía y luego la siguiente línea de estado")
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

    @Requirement(clause = "HTTP-22", points = 1,
            title = "--include prints the status line and fields as received, then the body",
            titleEs = "--include imprime la línea de estado y los campos tal como llegan y luego el cuerpo",
            hint = "with --include, write each head line as received, the empty line, then the body",
            hintEs = "con --include escribe cada línea de la cabecera tal como llega, la línea vacía y luego el cuerpo")
    void includePrintsTheHead(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = answering(client, new AtomicReference<>(),
                Bytes.utf8(String.join("\r\n", HEAD_LINES) + "\r\n\r\n" + HELLO));
        ClientResult result = run(client, List.of("--include", url(fake, "/hello.txt")));
        result.expectConnectedTo(fake).expectExitCode(EXIT, 0);
        expectHeadThenBody(result, Bytes.utf8(HELLO), OUTPUT);
    }

    @Requirement(clause = "HTTP-22", points = 1,
            title = "--head sends HEAD and prints no body, alone or with --include",
            titleEs = "--head envía HEAD y no imprime cuerpo, solo o con --include",
            hint = "send HEAD instead of GET; the response's Content-Length describes a body that never comes: "
                    + "stop after the empty line",
            hintEs = "envía HEAD en vez de GET; el Content-Length de la respuesta describe un cuerpo que no llega: "
                    + "para tras la línea vacía")
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

    @Requirement(clause = "HTTP-23", points = 1,
            title = "exits 0 for 2xx/3xx without following redirects, 1 for 4xx/5xx, printing the body",
            titleEs = "sale con 0 ante 2xx/3xx sin seguir redirecciones y con 1 ante 4xx/5xx, imprimiendo el cuerpo",
            hint = "print the body whatever the status; the exit code is 0 below 400 and 1 from 400 on; never "
                    + "follow Location",
            hintEs = "imprime el cuerpo sea cual sea el estado; el código de salida es 0 por debajo de 400 y 1 desde "
                    + "400; nunca sigas Location")
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

    @Requirement(clause = "HTTP-23", points = 1,
            title = "exits 2 with a message when refused, cut short, or answered with garbage",
            titleEs = "sale con 2 y un mensaje si la conexión es rechazada, cortada o la respuesta es basura",
            hint = "catch connection errors, count the body bytes against Content-Length, and validate the status "
                    + "line: each failure is one line on stderr and exit status 2",
            hintEs = "captura los errores de conexión, cuenta los bytes del cuerpo frente a Content-Length y valida la "
                    + "línea de estado: cada fallo es una línea en stderr y estado de salida 2")
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

    @Requirement(clause = "HTTP-24", points = 1,
            title = "gives up with exit 2 after 10 s of silence",
            titleEs = "abandona con código 2 tras 10 s de silencio",
            hint = "set a 10 s read timeout on the socket (settimeout / setSoTimeout); when it fires, say so on "
                    + "stderr and exit 2",
            hintEs = "pon un timeout de lectura de 10 s en el socket (settimeout / setSoTimeout); cuando salte, dilo "
                    + "en stderr y sal con 2")
    void givesUpAfterSilence(ClientUnderTest client) throws Exception {
        FakeTcpServer silent = client.fakeServer(connection -> {
            readRequestHead(connection);
            connection.readUntilClosed(1 << 16, step("staying silent", "guardando silencio"), Duration.ofSeconds(30));
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
