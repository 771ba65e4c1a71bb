package io.socketlab.grader.suites.serialization.hidden;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Visibility;
import io.socketlab.grader.suites.serialization.FrameConnection;
import io.socketlab.grader.suites.serialization.Frames;
import java.util.Arrays;
import java.util.Random;

/**
 * The report server's hidden test: truncated frames, garbage and resets (SER-8), robustness a student should reason
 * out from the spec (end of stream inside a frame is a client leaving), not tune against a visible probe.
 */
@ExerciseSuite(exercise = "serialization", program = Program.SERVER)
class SerializationServerHiddenSuite {

    @Requirement(clause = "SER-8", points = 1, level = Level.SHOULD, visibility = Visibility.HIDDEN)
    void survivesHostileInput(ServerUnderTest server, Random random) throws Exception {
        try (FrameConnection steady = FrameConnection.open(server)) {
            server.connect().send(Arrays.copyOf(Frames.frame(Frames.report("cut").toString()), 30)).close();
            server.connect().send(new byte[] {0, 0}).reset();
            byte[] garbage = new byte[200];
            random.nextBytes(garbage);
            server.connect().send(Frames.frame(garbage)).send(garbage).reset();
            server.expectAlive(Text.of("after hostile clients", "tras clientes hostiles"));
            steady.send(Frames.report("steady")).expectOk();
        }
    }
}
