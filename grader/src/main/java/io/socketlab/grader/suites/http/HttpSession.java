package io.socketlab.grader.suites.http;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.conformance.ServerUnderTest;
import java.io.IOException;
import java.util.Optional;

/**
 * A well-behaved HTTP/1.1 client of the server under test: it reuses one connection, honours
 * {@code Connection: close} (checking that nothing follows such a response before the close), and, like any
 * client (RFC 9112 §9.3.1), opens a new connection when the server closed an idle persistent one. Tests of other
 * clauses thus do not fail because a server does not keep connections open; HTTP-9 tests that on its own.
 */
final class HttpSession implements AutoCloseable {

    private final ServerUnderTest server;
    private TcpProbe probe;
    private int answered;

    HttpSession(ServerUnderTest server) {
        this.server = server;
    }

    /** The Host field value for the server under test. */
    static String host(ServerUnderTest server) {
        return ServerUnderTest.HOST + ":" + server.port();
    }

    /** {@code METHOD target HTTP/1.1}, Host, the extra field lines, and the empty line, all with CRLF. */
    static String request(ServerUnderTest server, String method, String target, String... fields) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host(server) + "\r\n");
        for (String field : fields) {
            head.append(field).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    Response get(String target, String... fields) throws IOException {
        return exchange(Bytes.utf8(request(server, "GET", target, fields)), false,
                Text.of("the response to GET " + target, "la respuesta a GET " + target));
    }

    Response head(String target, String... fields) throws IOException {
        return exchange(Bytes.utf8(request(server, "HEAD", target, fields)), true,
                Text.of("the response to HEAD " + target, "la respuesta a HEAD " + target));
    }

    /** Sends {@code request} (a whole request, head and any body) and reads its response. */
    Response exchange(byte[] request, boolean head, Text step) throws IOException {
        if (probe == null) {
            open();
        }
        Optional<Response> response = sendAndRead(request, head, step);
        if (response.isEmpty() && answered > 0) {
            // The server closed the idle persistent connection: a client retries on a fresh one.
            open();
            response = sendAndRead(request, head, step);
        }
        if (response.isEmpty()) {
            throw ConformanceFailure.closed(step, "an HTTP response");
        }
        answered++;
        if (response.get().announcesClose()) {
            expectNothingBeforeClose(step);
        }
        return response.get();
    }

    private Optional<Response> sendAndRead(byte[] request, boolean head, Text step) throws IOException {
        try {
            probe.send(request);
        } catch (IOException e) {
            // Closed under our feet: what the server sent before, if anything, is read below.
        }
        return HttpReader.readOrClose(probe, step, head, probe.replyTimeout());
    }

    /** After {@code Connection: close}, anything before the close would be a body the framing did not announce. */
    private void expectNothingBeforeClose(Text step) throws IOException {
        try {
            byte[] extra = probe.readUntilClosed(step, 1 << 16, probe.replyTimeout());
            if (extra.length > 0) {
                throw ConformanceFailure.wrongOutput(step.prefixed("after "),
                        "nothing more after a response with Connection: close", Bytes.render(extra));
            }
        } catch (ConformanceFailure failure) {
            if (failure.kind() != FailureKind.TIMEOUT) {
                throw failure;
            }
            // Announced a close but kept the connection: HTTP-9's business, not this test's.
        } finally {
            closeProbe();
        }
    }

    private void open() {
        closeProbe();
        probe = server.connect();
        answered = 0;
    }

    private void closeProbe() {
        if (probe != null) {
            probe.close();
            probe = null;
        }
    }

    @Override
    public void close() {
        closeProbe();
    }
}
