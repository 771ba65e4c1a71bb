package io.socketlab.grader.suites.http;

import static io.socketlab.grader.suites.http.Expect.step;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.ReadPace;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The static file server, HTTP-1 to HTTP-8: files byte for byte with the right fields, HEAD, targets, methods and
 * conditional requests. Connections and requests (HTTP-9 to HTTP-13) are in {@link HttpServerRequestsSuite}; traversal,
 * concurrency, idle connections, error pages and start-up (HTTP-14 to HTTP-18) in {@link HttpServerRobustnessSuite}.
 * All three share one server (the framework shares it per exercise and program).
 */
@ExerciseSuite(exercise = "http", program = Program.SERVER)
class HttpServerSuite {

    static final String HELLO_GET = "GET /hello.txt HTTP/1.1";
    static final Text MISSING_FILE = Text.of("GET of a missing file (404)", "GET de un fichero que no existe (404)");
    static final Text NO_COLON = Text.of("a field line without a colon (400)", "una línea de campo sin dos puntos (400)");
    static final Text NOT_414 = Text.of("a response other than 414 (the limit itself is allowed)",
            "una respuesta distinta de 414 (el propio límite está permitido)");
    /** A request any server must answer with 400, whatever else it gets wrong. */
    static final String BAD_FIELD_LINE = HELLO_GET + "\r\nHost: localhost\r\nNoColonHere\r\n\r\n";

    /** Reads one response on a raw probe: status line, fields, and the body its framing announces. */
    static Response read(TcpProbe probe, Text step) throws IOException {
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

}
