package io.socketlab.grader.suites.sockets;

import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.Line;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;

/**
 * How every conversation with a sockets server starts, shared by its public and its hidden suite (which lives in
 * another package, so this is public).
 */
public final class Greeted {

    private Greeted() {
    }

    /** Connects and consumes the greeting, which every conversation starts with. */
    public static TcpProbe greeted(ServerUnderTest server) throws IOException {
        TcpProbe probe = server.connect();
        probe.expectLineLike(Line.startingWith("HELLO "));
        return probe;
    }

    /** Sends {@code line} and expects its byte count back. */
    public static void expectCounted(TcpProbe probe, String line) throws IOException {
        probe.sendLine(line).expectLine("RECEIVED " + Bytes.utf8(line).length);
    }
}
