package io.socketlab.grader.suites.sockets.hidden;

import static io.socketlab.grader.suites.sockets.Greeted.expectCounted;
import static io.socketlab.grader.suites.sockets.Greeted.greeted;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Visibility;
import io.socketlab.grader.probe.Line;
import io.socketlab.grader.probe.TcpProbe;

/**
 * The sockets server's hidden test: a line that is not valid UTF-8 (SOCK-6), robustness a student should reason out
 * from the spec (count bytes, never decode), not tune against a visible probe.
 */
@ExerciseSuite(exercise = "sockets", program = Program.SERVER)
class SocketsServerHiddenSuite {

    @Requirement(clause = "SOCK-6", points = 1, visibility = Visibility.HIDDEN)
    void survivesInvalidUtf8(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.send(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41, (byte) 0xc3, '\n'})
                    .expectLineLikeOrClose(Line.anyOf(Line.exactly("RECEIVED 4"), Line.startingWith("ERR ")));
        }
        server.expectAlive();
        try (TcpProbe next = greeted(server)) {
            expectCounted(next, "still there?");
        }
    }
}
