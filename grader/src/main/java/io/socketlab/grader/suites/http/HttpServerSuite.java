package io.socketlab.grader.suites.http;

import static io.socketlab.grader.suites.http.Expect.step;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.Concurrently;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.ReadPace;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The static file server: files byte for byte with the right fields, HEAD, targets, methods, conditional requests,
 * persistent connections and pipelining, malformed requests, limits, traversal, concurrency and idle connections.
 */
@ExerciseSuite(exercise = "http", program = Program.SERVER)
class HttpServerSuite {

    private static final String HELLO_GET = "GET /hello.txt HTTP/1.1";
    private static final Text MISSING_FILE = Text.of("GET of a missing file (404)", "GET de un fichero que no existe (404)");
    private static final Text NO_COLON = Text.of("a field line without a colon (400)", "una línea de campo sin dos puntos (400)");
    private static final Text NOT_414 = Text.of("a response other than 414 (the limit itself is allowed)",
            "una respuesta distinta de 414 (el propio límite está permitido)");
    /** A request any server must answer with 400, whatever else it gets wrong. */
    private static final String BAD_FIELD_LINE = HELLO_GET + "\r\nHost: localhost\r\nNoColonHere\r\n\r\n";

    /** Reads one response on a raw probe: status line, fields, and the body its framing announces. */
    private static Response read(TcpProbe probe, Text step) throws IOException {
        return HttpReader.read(probe, step, false, probe.replyTimeout());
    }

    // ---- HTTP-1 ----

    @Baseline
    @Requirement(clause = "HTTP-1", points = 4)
    void servesAFile(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        Text step = step("the response to GET /hello.txt", "la respuesta a GET /hello.txt");
        try (TcpProbe probe = server.connect()) {
            probe.send(HELLO_GET + "\r\nHost: " + HttpSession.host(server) + "\r\n\r\n");
            Response head = HttpReader.readHeadEndingInCrLf(probe, step, probe.replyTimeout());
            Expect.status(head, 200, step);
            byte[] hello = Bytes.utf8(Site.HELLO);
            Expect.contentLength(head, hello.length, step);
            byte[] body = probe.readExactly(step, hello.length, probe.replyTimeout());
            Expect.body(new Response(head.statusLine(), 200, head.fields(), body), hello, step);
        }
    }

    // ---- HTTP-2 ----

    @Requirement(clause = "HTTP-2", points = 2)
    void servesBytesExactly(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (HttpSession http = new HttpSession(server)) {
            Expect.serves(http.get("/utf8.txt"), Bytes.utf8(Site.UTF8),
                    step("GET of a UTF-8 text with multibyte characters", "GET de un texto UTF-8 con caracteres multibyte"));
            Expect.serves(http.get("/all-bytes.bin"), Site.allBytes(),
                    step("GET of a file with every byte value", "GET de un fichero con todos los valores de byte"));
            Expect.serves(http.get("/empty.txt"), new byte[0], step("GET of an empty file", "GET de un fichero vacío"));
        }
    }

    @Requirement(clause = "HTTP-2", points = 1)
    void streamsALargeFile(ServerUnderTest server) throws Exception {
        Site.prepare(server).bigFile();
        Text step = step("GET of a 64 MiB file", "GET de un fichero de 64 MiB");
        try (TcpProbe probe = server.connect()) {
            probe.send(HttpSession.request(server, "GET", "/big.bin", "Connection: close"));
            Response head = HttpReader.readHeadOrClose(probe, step, probe.replyTimeout()).orElseThrow(() ->
                    ConformanceFailure.closed(step, Text.of("\"HTTP/1.1 200 OK\" and 64 MiB", "\"HTTP/1.1 200 OK\" y 64 MiB")));
            Expect.status(head, 200, step);
            Expect.contentLength(head, Site.BIG_SIZE, step);
            probe.expectStream(step, Site.BIG, ReadPace.FAST, server.timeouts().seconds(60));
        }
    }

    // ---- HTTP-3 ----

    @Requirement(clause = "HTTP-3", points = 2)
    void everyResponseHasTheCommonFields(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        Map<Text, byte[]> requests = new LinkedHashMap<>();
        requests.put(Text.same("GET /hello.txt (200)"), Bytes.utf8(HttpSession.request(server, "GET", "/hello.txt")));
        requests.put(MISSING_FILE, Bytes.utf8(HttpSession.request(server, "GET", "/missing.txt")));
        requests.put(Text.same("DELETE (405)"), Bytes.utf8(HttpSession.request(server, "DELETE", "/hello.txt")));
        requests.put(Text.same("GET /sub (301)"), Bytes.utf8(HttpSession.request(server, "GET", "/sub")));
        requests.put(NO_COLON, Bytes.utf8(BAD_FIELD_LINE));
        try (HttpSession http = new HttpSession(server)) {
            for (Map.Entry<Text, byte[]> request : requests.entrySet()) {
                Text step = Text.format("the fields of the response to %s", "los campos de la respuesta a %s",
                        request.getKey());
                Response response = http.exchange(request.getValue(), false, step);
                Expect.dateIsNow(response, step);
                Expect.namesTheServer(response, step);
                Expect.contentLengthOfBody(response, step);
            }
        }
    }

    @Requirement(clause = "HTTP-3", points = 1)
    void filesHaveLastModified(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (HttpSession http = new HttpSession(server)) {
            for (String target : List.of("/hello.txt", "/all-bytes.bin")) {
                Text step = step("Last-Modified of " + target, "Last-Modified de " + target);
                Response response = http.get(target);
                Expect.status(response, 200, step);
                Expect.lastModified(response, Site.MODIFIED, step);
            }
        }
    }

    // ---- HTTP-4 ----

    private static void expectTypes(ServerUnderTest server, Map<String, String> types) throws Exception {
        try (HttpSession http = new HttpSession(server)) {
            for (Map.Entry<String, String> file : types.entrySet()) {
                Text step = step("Content-Type of /" + file.getKey(), "Content-Type de /" + file.getKey());
                Response response = http.get("/" + file.getKey());
                Expect.status(response, 200, step);
                Expect.contentType(response, file.getValue(), step);
            }
        }
    }

    @Requirement(clause = "HTTP-4", points = 1)
    void typesByExtension(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        expectTypes(server, Site.TYPED);
        try (HttpSession http = new HttpSession(server)) {
            Text step = step("Content-Type of / (its index.html)", "Content-Type de / (su index.html)");
            Response index = http.get("/");
            Expect.status(index, 200, step);
            Expect.contentType(index, "text/html", step);
        }
    }

    @Requirement(clause = "HTTP-4", points = 1)
    void typesIgnoreCase(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        expectTypes(server, Site.UPPERCASE_TYPED);
    }

    @Requirement(clause = "HTTP-4", points = 1)
    void otherFilesAreOctetStream(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        Map<String, String> types = new LinkedHashMap<>();
        Site.UNTYPED.forEach(name -> types.put(name, "application/octet-stream"));
        expectTypes(server, types);
    }

    // ---- HTTP-5 ----

    @Requirement(clause = "HTTP-5", points = 2)
    void headSendsNoBody(ServerUnderTest server) throws Exception {
        Site site = Site.prepare(server);
        site.bigFile();
        try (HttpSession http = new HttpSession(server)) {
            for (String target : List.of("/hello.txt", "/index.html", "/all-bytes.bin")) {
                Response get = http.get(target);
                Response head = http.head(target);
                Expect.sameAsGet(head, get, step("HEAD " + target + " compared with GET",
                        "HEAD " + target + " comparado con GET"));
                // The session reads the next response right where HEAD's ended: a body sent after HEAD breaks it.
                Expect.serves(http.get("/hello.txt"), Bytes.utf8(Site.HELLO),
                        step("GET /hello.txt right after HEAD " + target, "GET /hello.txt justo después de HEAD " + target));
            }
            Text step = step("HEAD of a 64 MiB file", "HEAD de un fichero de 64 MiB");
            Response big = http.head("/big.bin");
            Expect.status(big, 200, step);
            Expect.contentLength(big, Site.BIG_SIZE, step);
            Expect.serves(http.get("/hello.txt"), Bytes.utf8(Site.HELLO),
                    step("GET /hello.txt right after HEAD /big.bin", "GET /hello.txt justo después de HEAD /big.bin"));
        }
    }

    @Requirement(clause = "HTTP-5", points = 1)
    void headOfMissingFile(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (HttpSession http = new HttpSession(server)) {
            Response head = http.head("/missing.txt");
            Expect.status(head, 404, step("HEAD /missing.txt", "HEAD /missing.txt"));
            Expect.serves(http.get("/hello.txt"), Bytes.utf8(Site.HELLO),
                    step("GET /hello.txt right after HEAD /missing.txt", "GET /hello.txt justo después de HEAD /missing.txt"));
        }
    }

    // ---- HTTP-6 ----

    @Requirement(clause = "HTTP-6", points = 1)
    void servesIndexFiles(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (HttpSession http = new HttpSession(server)) {
            Expect.serves(http.get("/"), Bytes.utf8(Site.INDEX), step("GET /", "GET /"));
            Expect.serves(http.get("/sub/"), Bytes.utf8(Site.SUB_INDEX), step("GET /sub/", "GET /sub/"));
        }
    }

    @Requirement(clause = "HTTP-6", points = 1)
    void redirectsAndNotFound(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (HttpSession http = new HttpSession(server)) {
            Text step = step("GET /sub (a directory)", "GET /sub (un directorio)");
            Expect.redirectsTo(http.get("/sub"), "/sub/", step);
            Expect.status(http.get("/missing.txt"), 404, step("GET /missing.txt", "GET /missing.txt"));
            Expect.status(http.get("/sub/missing.txt"), 404, step("GET /sub/missing.txt", "GET /sub/missing.txt"));
        }
    }

    @Requirement(clause = "HTTP-6", points = 1)
    void queryAndPercentDecoding(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (HttpSession http = new HttpSession(server)) {
            Expect.serves(http.get("/hello.txt?lang=es&x=1"), Bytes.utf8(Site.HELLO),
                    step("GET /hello.txt?lang=es&x=1", "GET /hello.txt?lang=es&x=1"));
            Expect.serves(http.get("/sub/?page=2"), Bytes.utf8(Site.SUB_INDEX), step("GET /sub/?page=2", "GET /sub/?page=2"));
            Expect.serves(http.get("/a%20b.txt"), Bytes.utf8(Site.SPACED), step("GET /a%20b.txt", "GET /a%20b.txt"));
            Expect.serves(http.get("/%68ello%2Etxt"), Bytes.utf8(Site.HELLO), step("GET /%68ello%2Etxt", "GET /%68ello%2Etxt"));
            String absolute = "http://" + HttpSession.host(server) + "/hello.txt";
            Expect.serves(http.get(absolute), Bytes.utf8(Site.HELLO), step("GET " + absolute + " (absolute-form, RFC 9112 §3.2.2)",
                    "GET " + absolute + " (forma absoluta, RFC 9112 §3.2.2)"));
        }
    }

    // ---- HTTP-7 ----

    @Requirement(clause = "HTTP-7", points = 1)
    void otherMethodsGet405(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (HttpSession http = new HttpSession(server)) {
            for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW")) {
                Text step = step("the response to " + method + " /hello.txt", "la respuesta a " + method + " /hello.txt");
                Response response = http.exchange(Bytes.utf8(HttpSession.request(server, method, "/hello.txt",
                        "Content-Length: 0")), false, step);
                if (method.equals("BREW") && response.status() == 501) {
                    continue; // RFC 9110 §9.1: a method the server does not recognise SHOULD get 501.
                }
                Expect.status(response, 405, step);
                Expect.allowsGetAndHead(response, step);
            }
        }
    }

    @Requirement(clause = "HTTP-7", points = 1)
    void discardsRequestBodies(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (HttpSession http = new HttpSession(server)) {
            for (int size : new int[] {11, 100_000}) {
                byte[] body = Bytes.utf8("GET /x HTTP/1.1\r\n".repeat(size / 17 + 1).substring(0, size));
                byte[] head = Bytes.utf8(HttpSession.request(server, "POST", "/hello.txt", "Content-Length: " + size,
                        "Content-Type: text/plain"));
                byte[] request = new byte[head.length + body.length];
                System.arraycopy(head, 0, request, 0, head.length);
                System.arraycopy(body, 0, request, head.length, body.length);
                Text step = step("a POST with a " + size + "-byte body", "un POST con un cuerpo de " + size + " bytes");
                Expect.status(http.exchange(request, false, step), 405, step);
                Expect.serves(http.get("/hello.txt"), Bytes.utf8(Site.HELLO),
                        step("GET /hello.txt after a POST with a " + size + "-byte body",
                                "GET /hello.txt tras un POST con un cuerpo de " + size + " bytes"));
            }
        }
    }

    // ---- HTTP-8 ----

    @Requirement(clause = "HTTP-8", points = 1)
    void notModified(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (HttpSession http = new HttpSession(server)) {
            String lastModified = http.get("/hello.txt").header("Last-Modified").orElse(Site.LAST_MODIFIED);
            for (String since : List.of(lastModified, "Tue, 01 Oct 2024 08:00:00 GMT")) {
                Text step = step("GET /hello.txt with If-Modified-Since: " + since,
                        "GET /hello.txt con If-Modified-Since: " + since);
                Expect.status(http.get("/hello.txt", "If-Modified-Since: " + since), 304, step);
                Expect.serves(http.get("/hello.txt"), Bytes.utf8(Site.HELLO),
                        step("GET /hello.txt right after a 304", "GET /hello.txt justo después de un 304"));
            }
        }
    }

    @Requirement(clause = "HTTP-8", points = 1)
    void modifiedOrInvalidDate(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (HttpSession http = new HttpSession(server)) {
            for (String since : List.of("Sun, 01 Jan 2023 00:00:00 GMT", "Fri, 05 Jan 2024 10:29:59 GMT", "yesterday",
                    "Mon, 45 Jan 2024 10:30:00 GMT")) {
                Expect.serves(http.get("/hello.txt", "If-Modified-Since: " + since), Bytes.utf8(Site.HELLO),
                        step("GET /hello.txt with If-Modified-Since: " + since, "GET /hello.txt con If-Modified-Since: " + since));
            }
        }
    }

    // ---- HTTP-9 ----

    @Requirement(clause = "HTTP-9", points = 1)
    void keepsConnectionsOpen(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (TcpProbe probe = server.connect()) {
            for (String target : List.of("/hello.txt", "/index.html", "/missing.txt", "/hello.txt")) {
                Text step = step("GET " + target + " on a connection that already served requests",
                        "GET " + target + " en una conexión que ya atendió peticiones");
                probe.send(HttpSession.request(server, "GET", target));
                Expect.keepsTheConnection(read(probe, step), step);
            }
        }
    }

    @Requirement(clause = "HTTP-9", points = 1)
    void closesOnConnectionClose(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        // Connection is a case-insensitive list of options (RFC 9110 §7.6.1): its name and its tokens alike.
        for (String field : List.of("Connection: close", "connection: Close", "Connection: TE, close")) {
            try (TcpProbe probe = server.connect()) {
                probe.send(HttpSession.request(server, "GET", "/hello.txt", field, "TE: trailers"));
                Text step = step("GET /hello.txt with " + field, "GET /hello.txt con " + field);
                Expect.serves(read(probe, step), Bytes.utf8(Site.HELLO), step);
                probe.expectClosed(step("the connection after the response to " + field,
                        "la conexión tras la respuesta a " + field), server.timeouts().seconds(3));
            }
        }
    }

    @Requirement(clause = "HTTP-9", points = 1)
    void http10Connections(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (TcpProbe probe = server.connect()) {
            probe.send("GET /hello.txt HTTP/1.0\r\n\r\n");
            Text step = step("GET /hello.txt HTTP/1.0", "GET /hello.txt HTTP/1.0");
            Expect.serves(read(probe, step), Bytes.utf8(Site.HELLO), step);
            probe.expectClosed(step("the HTTP/1.0 connection after the response", "la conexión HTTP/1.0 tras la respuesta"),
                    server.timeouts().seconds(3));
        }
        try (TcpProbe probe = server.connect()) {
            int i = 0;
            for (String field : List.of("Connection: keep-alive", "Connection: Keep-Alive", "connection: KEEP-ALIVE")) {
                probe.send("GET /hello.txt HTTP/1.0\r\n" + field + "\r\n\r\n");
                i++;
                Text step = step("request " + i + " on one connection: GET /hello.txt HTTP/1.0 with " + field,
                        "petición " + i + " en una conexión: GET /hello.txt HTTP/1.0 con " + field);
                Expect.serves(read(probe, step), Bytes.utf8(Site.HELLO), step);
            }
        }
    }

    // ---- HTTP-10 ----

    /** One pipelined request, the status of its response and the body it must carry (null: any body). */
    private record Pipelined(String request, int status, byte[] body) {
    }

    private static Pipelined pipelinedGet(ServerUnderTest server, String target, int status, String body) {
        return new Pipelined(HttpSession.request(server, "GET", target), status, body == null ? null : Bytes.utf8(body));
    }

    /**
     * Writes every request at once ({@code sliced}: in odd-sized pieces) and expects the responses in order. A
     * server that closes after a complete response gets the unanswered requests again on a new connection, as a
     * pipelining client does (RFC 9112 §9.3.2); it must answer at least one each time.
     */
    private static void expectPipelined(ServerUnderTest server, List<Pipelined> requests, int slice) throws Exception {
        int next = 0;
        while (next < requests.size()) {
            try (TcpProbe probe = server.connect()) {
                StringBuilder all = new StringBuilder();
                requests.subList(next, requests.size()).forEach(r -> all.append(r.request()));
                byte[] bytes = Bytes.utf8(all.toString());
                if (slice > 0) {
                    probe.sendSliced(bytes, slice, Duration.ofMillis(2));
                } else {
                    probe.send(bytes);
                }
                int answeredHere = 0;
                while (next < requests.size()) {
                    Pipelined expected = requests.get(next);
                    String line = expected.request().substring(0, expected.request().indexOf('\r'));
                    Text step = step("pipelined response " + (next + 1) + " of " + requests.size() + " (" + line + ")",
                            "respuesta encadenada " + (next + 1) + " de " + requests.size() + " (" + line + ")");
                    Optional<Response> response = HttpReader.readOrClose(probe, step,
                            expected.request().startsWith("HEAD "), probe.replyTimeout());
                    if (response.isEmpty()) {
                        if (answeredHere == 0) {
                            throw ConformanceFailure.closed(step, Text.of("the responses to the pipelined requests, in order",
                                    "las respuestas a las peticiones encadenadas, en orden"));
                        }
                        break;
                    }
                    Expect.status(response.get(), expected.status(), step);
                    if (expected.body() != null) {
                        Expect.body(response.get(), expected.body(), step);
                    }
                    next++;
                    answeredHere++;
                }
            }
        }
    }

    @Requirement(clause = "HTTP-10", points = 1)
    void answersPipelinedRequests(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        expectPipelined(server, List.of(pipelinedGet(server, "/hello.txt", 200, Site.HELLO),
                pipelinedGet(server, "/index.html", 200, Site.INDEX),
                pipelinedGet(server, "/missing.txt", 404, null)), 0);
    }

    @Requirement(clause = "HTTP-10", points = 1)
    void answersSplitRequests(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        List<Pipelined> requests = List.of(pipelinedGet(server, "/hello.txt", 200, Site.HELLO),
                pipelinedGet(server, "/sub/", 200, Site.SUB_INDEX), pipelinedGet(server, "/a%20b.txt", 200, Site.SPACED));
        expectPipelined(server, requests, 7);
        expectPipelined(server, requests, 3);
    }

    @Requirement(clause = "HTTP-10", points = 1)
    void answersManyPipelinedRequests(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        List<Pipelined> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (i % 7 == 3) {
                requests.add(pipelinedGet(server, "/missing" + i + ".txt", 404, null));
            } else {
                requests.add(pipelinedGet(server, "/file" + i + ".txt", 200, "this is file number " + i + "\n"));
            }
        }
        expectPipelined(server, requests, 0);
    }

    // ---- HTTP-11 ----

    /**
     * Sends every case on a fresh connection; each must get a 4xx or a close within 3 s, or another answer the RFC
     * prescribes for that case; afterwards a valid GET on a fresh connection must still get 200.
     */
    private static void expectRefused(ServerUnderTest server, List<MalformedRequests.Case> cases) throws Exception {
        Site.prepare(server);
        for (MalformedRequests.Case malformed : cases) {
            try (TcpProbe probe = server.connect()) {
                MalformedRequests.expectAnswered(probe, malformed, server.timeouts().seconds(3));
            }
            server.expectAlive(MalformedRequests.step(malformed));
            try (HttpSession http = new HttpSession(server)) {
                Text after = Text.format("GET /hello.txt on a new connection after \"%s\"",
                        "GET /hello.txt en una conexión nueva tras \"%s\"", malformed.name());
                Expect.serves(http.get("/hello.txt"), Bytes.utf8(Site.HELLO), after);
            }
        }
    }

    @Requirement(clause = "HTTP-11", points = 1)
    void refusesMalformedRequestLines(ServerUnderTest server) throws Exception {
        expectRefused(server, MalformedRequests.requestLines());
    }

    @Requirement(clause = "HTTP-11", points = 1)
    void refusesMalformedFields(ServerUnderTest server) throws Exception {
        expectRefused(server, MalformedRequests.fieldLines());
    }

    @Requirement(clause = "HTTP-11", points = 1)
    void refusesBadFraming(ServerUnderTest server) throws Exception {
        expectRefused(server, MalformedRequests.framing());
    }

    @Requirement(clause = "HTTP-11", points = 1)
    void refusesBadBytes(ServerUnderTest server) throws Exception {
        expectRefused(server, MalformedRequests.bytes());
    }

    // ---- HTTP-12 ----

    /** Sends {@code request} on a fresh connection and expects exactly {@code status}. */
    private static void expectStatusOnFreshConnection(ServerUnderTest server, String request, int status, Text step)
            throws Exception {
        try (TcpProbe probe = server.connect()) {
            probe.send(request);
            Response response = HttpReader.readHeadOrClose(probe, step, probe.replyTimeout())
                    .orElseThrow(() -> ConformanceFailure.closed(step, Expect.statusText(status)));
            Expect.status(response, status, step);
        }
    }

    @Requirement(clause = "HTTP-12", points = 1)
    void unsupportedVersions(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        for (String version : List.of("HTTP/2.0", "HTTP/3.0")) {
            expectStatusOnFreshConnection(server, "GET /hello.txt " + version + "\r\nHost: localhost\r\n\r\n", 505,
                    step("GET /hello.txt " + version, "GET /hello.txt " + version));
        }
        // RFC 9110 §6.2: a higher minor version of a major version the server implements SHOULD be processed as the
        // highest minor version it supports; the contract also accepts 505.
        Text step = step("GET /hello.txt HTTP/1.2", "GET /hello.txt HTTP/1.2");
        try (TcpProbe probe = server.connect()) {
            probe.send("GET /hello.txt HTTP/1.2\r\nHost: localhost\r\n\r\n");
            Response response = HttpReader.readOrClose(probe, step, false, probe.replyTimeout())
                    .orElseThrow(() -> ConformanceFailure.closed(step, Text.of("status 505 (or the file, as for HTTP/1.1)",
                            "estado 505 (o el fichero, como para HTTP/1.1)")));
            if (response.status() != 505) {
                Expect.serves(response, Bytes.utf8(Site.HELLO), step);
            }
        }
    }

    @Requirement(clause = "HTTP-12", points = 1)
    void junkVersions(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        for (String version : List.of("HTTP/1", "HTTP/1.1.1", "http/1.1", "HTTP/01.1", "FOO/1.1")) {
            expectStatusOnFreshConnection(server, "GET /hello.txt " + version + "\r\nHost: localhost\r\n\r\n", 400,
                    step("GET /hello.txt " + version, "GET /hello.txt " + version));
        }
    }

    // ---- HTTP-13 ----

    /** A request line of exactly {@code length} bytes (without CRLF) for /hello.txt, padded in the query. */
    private static String requestLineOf(int length) {
        String start = "GET /hello.txt?";
        String end = " HTTP/1.1";
        return start + "a".repeat(length - start.length() - end.length()) + end;
    }

    @Requirement(clause = "HTTP-13", points = 1)
    void limitsTheRequestLine(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        String host = "\r\nHost: localhost\r\n\r\n";
        // The transcript counts every byte sent: the line, its CR LF and the Host field (21 bytes more).
        Text exact = step("a request line of exactly 8192 bytes (without its CR LF; then a Host field)",
                "una línea de petición de exactamente 8192 bytes (sin su CR LF; luego un campo Host)");
        try (TcpProbe probe = server.connect()) {
            probe.send(requestLineOf(8192) + host);
            Response response = HttpReader.readHeadOrClose(probe, exact, probe.replyTimeout())
                    .orElseThrow(() -> ConformanceFailure.closed(exact, NOT_414));
            if (response.status() == 414) {
                throw ConformanceFailure.wrongOutput(exact, NOT_414, response.describe());
            }
        }
        for (int length : new int[] {8193, 64 * 1024}) {
            expectStatusOnFreshConnection(server, requestLineOf(length) + host, 414,
                    step("a request line of " + length + " bytes (without its CR LF; then a Host field)",
                            "una línea de petición de " + length + " bytes (sin su CR LF; luego un campo Host)"));
        }
    }

    /** A request whose field lines (without line endings) hold {@code fields} fields and at least {@code bytes} bytes. */
    private static String requestWithFields(int fields, int bytes) {
        StringBuilder head = new StringBuilder(HELLO_GET + "\r\n");
        List<String> lines = new ArrayList<>();
        lines.add("Host: localhost");
        for (int i = 1; i < fields; i++) {
            lines.add("X-Field-" + i + ": " + i);
        }
        int total = lines.stream().mapToInt(String::length).sum();
        if (total < bytes) {
            String last = lines.remove(lines.size() - 1);
            total -= last.length();
            String name = "X-Pad: ";
            lines.add(name + "p".repeat(bytes - total - name.length()));
        }
        lines.forEach(l -> head.append(l).append("\r\n"));
        return head.append("\r\n").toString();
    }

    @Requirement(clause = "HTTP-13", points = 1)
    void limitsTheFields(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (HttpSession http = new HttpSession(server)) {
            Expect.serves(http.exchange(Bytes.utf8(requestWithFields(100, 0)), false,
                            step("a request with exactly 100 fields", "una petición con exactamente 100 campos")),
                    Bytes.utf8(Site.HELLO), step("a request with exactly 100 fields", "una petición con exactamente 100 campos"));
            Expect.serves(http.exchange(Bytes.utf8(requestWithFields(2, 16384)), false,
                            step("a request with exactly 16384 bytes of fields", "una petición con exactamente 16384 bytes de campos")),
                    Bytes.utf8(Site.HELLO),
                    step("a request with exactly 16384 bytes of fields", "una petición con exactamente 16384 bytes de campos"));
        }
        expectStatusOnFreshConnection(server, requestWithFields(101, 0), 431,
                step("a request with 101 fields", "una petición con 101 campos"));
        expectStatusOnFreshConnection(server, requestWithFields(2, 16385), 431,
                step("a request with 16385 bytes of fields", "una petición con 16385 bytes de campos"));
        expectStatusOnFreshConnection(server, requestWithFields(3, 40000), 431,
                step("a request with 40000 bytes of fields", "una petición con 40000 bytes de campos"));
    }

    // ---- HTTP-14 ----

    @Requirement(clause = "HTTP-14", points = 1)
    void refusesDotDot(ServerUnderTest server) throws Exception {
        Traversal.expectNoLeak(server, List.of("/../secret", "/a/../../secret", "/sub/../../secret", "/./../secret",
                "/sub/../hello.txt/../../secret", "/../../../../../../../../etc/passwd", "/../root-private/secret.txt"),
                false);
    }

    @Requirement(clause = "HTTP-14", points = 1)
    void refusesEncodedDotDot(ServerUnderTest server) throws Exception {
        Traversal.expectNoLeak(server, List.of("/%2e%2e/secret", "/%2E%2E%2Fsecret", "/..%2fsecret", "/%2e%2e%2f%2e%2e%2fsecret",
                "/.%2e/secret", "/%2e./secret", "/sub/%2e%2e/%2e%2e/secret", "/%2e%2e/root-private/secret.txt"), false);
    }

    @Requirement(clause = "HTTP-14", points = 1)
    void refusesSymlinksOut(ServerUnderTest server) throws Exception {
        Site site = Site.prepare(server);
        if (!site.symlinks) {
            return; // This file system cannot make symbolic links: nothing a server could follow.
        }
        Traversal.expectNoLeak(server, List.of("/leak.txt", "/outside/secret", "/outside/"), false);
    }

    // ---- HTTP-15 ----

    @Requirement(clause = "HTTP-15", points = 2)
    void servesHundredConnections(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        List<TcpProbe> probes = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                probes.add(server.connect());
            }
            for (TcpProbe probe : probes) {
                probe.send(HttpSession.request(server, "GET", "/hello.txt"));
            }
            List<CompletableFuture<Void>> reads = new ArrayList<>();
            for (int i = probes.size() - 1; i >= 0; i--) {
                TcpProbe probe = probes.get(i);
                int number = i + 1;
                reads.add(Concurrently.start(() -> Expect.serves(read(probe,
                        step("the response on connection " + number + " of 100", "la respuesta en la conexión " + number + " de 100")),
                        Bytes.utf8(Site.HELLO), step("connection " + number + " of 100", "conexión " + number + " de 100"))));
            }
            Concurrently.awaitAll(reads, server.timeouts().seconds(15),
                    step("100 connections at once", "100 conexiones a la vez"),
                    Text.of("a response on each", "una respuesta en cada una"));
        } finally {
            probes.forEach(TcpProbe::close);
        }
    }

    @Requirement(clause = "HTTP-15", points = 1)
    void halfRequestDelaysNoOne(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (TcpProbe stuck = server.connect()) {
            stuck.send("GET /hel");
            try (TcpProbe other = server.connect()) {
                other.send(HttpSession.request(server, "GET", "/hello.txt"));
                Text step = step("GET on a second connection while the first has sent half a request line",
                        "GET en una segunda conexión mientras la primera envió media línea de petición");
                Expect.serves(HttpReader.read(other, step, false, server.timeouts().seconds(3)), Bytes.utf8(Site.HELLO), step);
            }
        }
    }

    // ---- HTTP-16 ----

    /** Expects the connection closed (after at most a 408) within {@code within}. */
    private static void expectIdleClose(TcpProbe probe, Text step, Duration within) throws IOException {
        byte[] before = probe.readUntilClosed(step, 1 << 16, within);
        String text = new String(before, StandardCharsets.ISO_8859_1);
        if (before.length > 0 && !text.matches("(?s)HTTP/1\\.[01] 408.*")) {
            throw ConformanceFailure.wrongOutput(step, Text.of("a close, or a 408 response and then a close",
                    "un cierre, o una respuesta 408 y luego un cierre"), Text.same(Bytes.render(before)));
        }
    }

    @Requirement(clause = "HTTP-16", points = 2, level = Level.SHOULD)
    void closesIdleConnections(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        Duration within = server.timeouts().seconds(12.5);
        try (TcpProbe silent = server.connect(); TcpProbe trickle = server.connect(); TcpProbe idle = server.connect()) {
            idle.send(HttpSession.request(server, "GET", "/hello.txt"));
            Expect.serves(read(idle, step("GET before idling", "GET antes de quedarse inactiva")), Bytes.utf8(Site.HELLO),
                    step("GET before idling", "GET antes de quedarse inactiva"));
            CompletableFuture<Void> trickling = Concurrently.start(() -> {
                byte[] slow = Bytes.utf8("GET /hello.txt HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "s".repeat(40));
                try {
                    for (byte b : slow) {
                        trickle.socket().getOutputStream().write(b);
                        trickle.socket().getOutputStream().flush();
                        Thread.sleep(1000); // The slowloris pace: one byte a second, deliberately.
                    }
                } catch (IOException e) {
                    // Closed by the server: what we wait for.
                }
            });
            List<CompletableFuture<Void>> closes = List.of(
                    Concurrently.start(() -> expectIdleClose(silent, step("a connection that sends nothing",
                            "una conexión que no envía nada"), within)),
                    Concurrently.start(() -> expectIdleClose(trickle, step("a connection sending one header byte a second",
                            "una conexión que envía un byte de cabecera por segundo"), within)),
                    Concurrently.start(() -> expectIdleClose(idle, step("a keep-alive connection idle after a response",
                            "una conexión persistente inactiva tras una respuesta"), within)));
            Concurrently.awaitAll(closes, within.plusSeconds(2), step("idle connections", "conexiones inactivas"),
                    Text.of("each closed within 10 s", "cada una cerrada en 10 s"));
            trickling.cancel(true);
        }
    }

    // ---- HTTP-17 ----

    @Requirement(clause = "HTTP-17", points = 1, level = Level.SHOULD)
    void errorPagesAreHtml(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        Map<Text, String> errors = new LinkedHashMap<>();
        errors.put(MISSING_FILE, HttpSession.request(server, "GET", "/missing.txt"));
        errors.put(Text.same("DELETE (405)"), HttpSession.request(server, "DELETE", "/hello.txt"));
        errors.put(NO_COLON, BAD_FIELD_LINE);
        errors.put(Text.of("GET with HTTP/2.0 (505)", "GET con HTTP/2.0 (505)"),
                "GET /hello.txt HTTP/2.0\r\nHost: localhost\r\n\r\n");
        for (Map.Entry<Text, String> error : errors.entrySet()) {
            try (HttpSession http = new HttpSession(server)) {
                Text step = Text.format("the error page for %s", "la página de error para %s", error.getKey());
                Response response = http.exchange(Bytes.utf8(error.getValue()), false, step);
                if (response.status() < 400) {
                    continue; // Not an error response: the clause of that status judges it, not this one.
                }
                Expect.htmlPage(response, step);
                // A Content-Length that does not match the body would derail the next response on the connection.
                Expect.serves(http.get("/hello.txt"), Bytes.utf8(Site.HELLO),
                        Text.format("GET /hello.txt after %s", "GET /hello.txt tras %s", error.getKey()));
            }
        }
    }

    // ---- HTTP-18 ----

    @Requirement(clause = "HTTP-18", points = 1, level = Level.SHOULD)
    void refusesBadStartsAndExitsZeroOnSigterm(ServerUnderTest server) throws Exception {
        Site site = Site.prepare(server);
        server.expectStartRefused(List.of("--root", site.root.resolveSibling("no-such-folder").toString()),
                "--root <a folder that does not exist>");
        server.expectStartRefusedOnBusyPort(List.of("--root", site.root.toString()));
        server.connect().close();
        server.expectCleanTermination();
    }
}
