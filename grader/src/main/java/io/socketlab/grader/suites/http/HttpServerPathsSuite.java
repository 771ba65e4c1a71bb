package io.socketlab.grader.suites.http;

import static io.socketlab.grader.suites.http.Expect.step;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import java.util.List;

/**
 * HTTP-6's Decisions on paths that name nothing servable, beyond {@link HttpServerSuite}'s: a trailing slash after a
 * regular file is {@code 404}; percent-escapes that decode to bytes that are not UTF-8 are {@code 400} (or
 * {@code 404}). The server still serves afterwards.
 */
@ExerciseSuite(exercise = "http", program = Program.SERVER)
class HttpServerPathsSuite {

    @Requirement(clause = "HTTP-6", points = 1)
    void refusesPathsThatNameNothing(ServerUnderTest server) throws Exception {
        Site.prepare(server);
        try (HttpSession http = new HttpSession(server)) {
            Expect.status(http.get("/hello.txt/"), 404, step("GET /hello.txt/ (a file named as a folder)",
                    "GET /hello.txt/ (un fichero nombrado como carpeta)"));
        }
        // A connection each: after a 400 the server may close (RFC 9112 §9.6).
        for (String target : List.of("/%FF.txt", "/sub/%C3%28.txt")) {
            Text step = step("GET " + target + " (not UTF-8 once decoded)", "GET " + target + " (no es UTF-8 una vez"
                    + " decodificado)");
            try (HttpSession http = new HttpSession(server)) {
                Response response = http.get(target);
                if (response.status() != 400 && response.status() != 404) {
                    throw ConformanceFailure.wrongOutput(step, Text.of("400 (or 404)", "400 (o 404)"), response.describe());
                }
            }
        }
        try (HttpSession http = new HttpSession(server)) {
            Expect.serves(http.get("/hello.txt"), Bytes.utf8(Site.HELLO), step("GET /hello.txt afterwards", "GET /hello.txt"
                    + " después"));
        }
    }
}
