package io.socketlab.grader.suites.http;

import static io.socketlab.grader.suites.http.Expect.step;
import static io.socketlab.grader.suites.http.HttpServerSuite.HELLO_GET;
import static io.socketlab.grader.suites.http.HttpServerSuite.NOT_414;
import static io.socketlab.grader.suites.http.HttpServerSuite.read;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The static file server's connections and requests, HTTP-9 to HTTP-13: persistent connections and HTTP/1.0,
 * pipelining and requests cut anywhere, malformed requests, versions, and the limits of a request head.
 */
@ExerciseSuite(exercise = "http", program = Program.SERVER)
class HttpServerRequestsSuite {

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
}
