package io.socketlab.grader.suites.http;

import static io.socketlab.grader.suites.http.Expect.step;

import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import java.io.IOException;
import java.util.List;

/**
 * HTTP-23's exit code 2 for what no correct reading can complete, beyond the cases of {@link HttpClientSuite}: chunk
 * data not followed by CR LF, a field line that never ends (a megabyte, then the close), and a URL that does not parse.
 */
@ExerciseSuite(exercise = "http", program = Program.CLIENT)
class HttpClientBrokenResponsesSuite {

    /** Larger than any line buffer a client would keep, and the close comes before its end: no reading completes it. */
    private static final int ENDLESS_LINE = 1 << 20;

    @Requirement(clause = "HTTP-23", points = 1)
    void exitsTwoOnResponsesNoReadingCompletes(ClientUnderTest client) throws Exception {
        String[][] broken = {
                {"chunk data followed by \"XX\" instead of CR LF", "datos de un trozo seguidos de \"XX\" en vez de CR LF",
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX\r\n0\r\n\r\n"},
                {"a field line of 1 MiB without an end, then the close",
                        "una línea de campo de 1 MiB sin final, y luego el cierre",
                        "HTTP/1.1 200 OK\r\nX-Endless: " + "a".repeat(ENDLESS_LINE)}};
        for (String[] c : broken) {
            byte[] response = Bytes.utf8(c[2]);
            FakeTcpServer fake = client.fakeServer(connection -> {
                HttpClientSuite.readRequestHead(connection);
                try {
                    connection.send(response);
                } catch (IOException gone) {
                    // A client that stops at its own line limit has closed already: its exit code says the rest.
                }
            });
            Text step = step("the client after " + c[0], "el cliente tras " + c[1]);
            HttpClientSuite.run(client, List.of(HttpClientSuite.url(fake, "/broken")))
                    .expectServedBy(fake).expectExitCode(step, 2).expectOneErrorLine(step);
        }
        // Not a URL at all (an IPv6 literal never closed): a usage error, said in one line, not a traceback.
        Text usage = step("the client given http://[::1/", "el cliente con http://[::1/");
        HttpClientSuite.run(client, List.of("http://[::1/")).expectExitCode(usage, 2).expectOneErrorLine(usage);
    }
}
