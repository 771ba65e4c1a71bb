package io.socketlab.grader.suites.http;

import static io.socketlab.grader.suites.http.Expect.step;
import static io.socketlab.grader.suites.http.HttpServerSuite.BAD_FIELD_LINE;
import static io.socketlab.grader.suites.http.HttpServerSuite.MISSING_FILE;
import static io.socketlab.grader.suites.http.HttpServerSuite.NO_COLON;
import static io.socketlab.grader.suites.http.HttpServerSuite.read;

import io.socketlab.grader.conformance.Concurrently;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The static file server against hostile and heavy use, HTTP-14 to HTTP-18: traversal out of the root, a hundred
 * connections and slow requests, idle connections, error pages, and starting and stopping.
 */
@ExerciseSuite(exercise = "http", program = Program.SERVER)
class HttpServerRobustnessSuite {

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
