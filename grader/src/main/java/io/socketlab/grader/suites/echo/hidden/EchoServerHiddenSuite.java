package io.socketlab.grader.suites.echo.hidden;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Visibility;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import java.util.Arrays;
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
            byte[] first = Bytes.utf8("before\n");
            steady.send(first);
            expectEcho(steady, first, Text.of("echo before the other client resets", "eco antes del corte del otro cliente"));
            TcpProbe rude = server.connect();
            byte[] flood = new byte[256 * 1024];
            random.nextBytes(flood);
            rude.send(flood);
            rude.reset();
            byte[] second = Bytes.utf8("after\n");
            steady.send(second);
            expectEcho(steady, second, Text.of("echo after the other client reset", "eco tras el corte del otro cliente"));
        }
        server.expectAlive(Text.of("after a client reset", "tras el corte de un cliente"));
        try (TcpProbe fresh = server.connect()) {
            byte[] third = Bytes.utf8("new client\n");
            fresh.send(third);
            expectEcho(fresh, third, Text.of("echo to a new client", "eco a un cliente nuevo"));
        }
    }

    private static void expectEcho(TcpProbe probe, byte[] sent, Text step) throws Exception {
        byte[] echoed = probe.readExactly(sent.length, step, probe.replyTimeout());
        if (!Arrays.equals(sent, echoed)) {
            throw ConformanceFailure.integrity(step, "the same " + sent.length + " bytes back",
                    Text.same(Bytes.describeDifference(sent, echoed)));
        }
    }
}
