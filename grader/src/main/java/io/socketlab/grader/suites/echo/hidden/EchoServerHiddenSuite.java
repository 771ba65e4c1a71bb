package io.socketlab.grader.suites.echo.hidden;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Visibility;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import java.util.Random;

/**
 * The echo server's hidden test: robustness a student should reason out from the spec (ECHO-6), not tune against a
 * visible probe.
 */
@ExerciseSuite(exercise = "echo", program = Program.SERVER)
class EchoServerHiddenSuite {

    @Requirement(clause = "ECHO-6", points = 1, level = Level.SHOULD, visibility = Visibility.HIDDEN)
    void survivesAClientThatResets(ServerUnderTest server, Random random) throws Exception {
        try (TcpProbe steady = server.connect()) {
            steady.send("before the other client resets\n").expectBytes(Bytes.utf8("before the other client resets\n"));
            byte[] flood = new byte[256 * 1024];
            random.nextBytes(flood);
            server.connect().send(flood).reset();
            steady.send("after the other client reset\n").expectBytes(Bytes.utf8("after the other client reset\n"));
        }
        server.expectAlive();
        try (TcpProbe fresh = server.connect()) {
            fresh.send("a new client\n").expectBytes(Bytes.utf8("a new client\n"));
        }
    }
}
