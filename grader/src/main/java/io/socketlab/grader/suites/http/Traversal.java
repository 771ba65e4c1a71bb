package io.socketlab.grader.suites.http;

import static io.socketlab.grader.suites.http.Expect.step;

import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import java.util.List;

/**
 * HTTP-14's checks, shared by the server's public suite and its hidden one (which lives in another package, so this
 * is public): no request target, however spelled, reveals anything from outside the document root.
 */
public final class Traversal {

    private Traversal() {
    }

    /**
     * Sends each request line; the answer must be 400, 403 or 404, or a 200/301 that reveals nothing from outside
     * the root (neither the body nor the Location).
     */
    public static void expectNoLeak(ServerUnderTest server, List<String> targets, boolean absoluteForm) throws Exception {
        Site.prepare(server);
        for (String target : targets) {
            String sent = absoluteForm ? "http://" + HttpSession.host(server) + target : target;
            Text step = step("GET " + sent, "GET " + sent);
            try (TcpProbe probe = server.connect()) {
                probe.send(Bytes.utf8("GET " + sent + " HTTP/1.1\r\nHost: " + HttpSession.host(server)
                        + "\r\nConnection: close\r\n\r\n"));
                Expect.revealsNothingOutside(HttpReader.readOrClose(probe, step, false, probe.replyTimeout())
                        .orElseThrow(() -> ConformanceFailure.closed(step, Expect.REFUSAL)), step);
            }
        }
        server.expectAlive(step("after the traversal attempts", "tras los intentos de salir de la raíz"));
    }

    /**
     * {@code target} names hello.txt through a detour that stays inside the root: refusing it is allowed, a 200 must
     * be hello.txt.
     */
    public static void expectHelloIfServed(ServerUnderTest server, String target) throws Exception {
        try (HttpSession http = new HttpSession(server)) {
            Response inside = http.get(target);
            if (inside.status() == 200) {
                Expect.body(inside, Bytes.utf8(Site.HELLO), step("GET " + target, "GET " + target));
            }
        }
    }
}
