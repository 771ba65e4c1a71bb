package io.socketlab.grader.suites.sockets;

import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.FakeTcpServer;
import java.time.Duration;
import java.util.List;

/**
 * SOCK-9's Decisions on unusual MESSAGE arguments: a MESSAGE that is exactly {@code BYE} ends the conversation (later
 * ones are not sent), and one that holds a line break is a usage error, not two lines.
 */
@ExerciseSuite(exercise = "sockets", program = Program.CLIENT)
class SocketsClientArgumentsSuite {

    private static final byte[] NO_INPUT = new byte[0];
    /** How long a fake listens after its greeting for lines a client must not send. */
    private static final Duration QUIET = Duration.ofMillis(700);

    @Requirement(clause = "SOCK-9", points = 1)
    void stopsAtAByeMessageAndRefusesALineBreak(ClientUnderTest client) throws Exception {
        // The fake wants "one", then the final BYE, then nothing: "after" must not follow.
        FakeTcpServer fake = SocketsConversation.expecting("HELLO fake", List.of("one")).hostile().start(client);
        client.run(fake.port(), List.of("one", "BYE", "after"), NO_INPUT)
                .expectServedBy(fake)
                .expectPrinted("HELLO fake", "RECEIVED 3", "BYE")
                .expectExitedAfterTheCloseOf(fake)
                .expectExitCode(0);

        FakeTcpServer listening = client.fakeServer(connection -> connection.sendLine("HELLO fake").expectSilence(QUIET));
        ClientResult refused = client.run(listening.port(), List.of("two\nlines"), NO_INPUT)
                .expectExitCode(Text.of("exit code for a MESSAGE holding a line break",
                        "código de salida para un MESSAGE con un salto de línea"), 2)
                .expectOneErrorLine();
        if (listening.connections() > 0) {
            // Connecting is allowed; sending the MESSAGE as two lines (or at all) is not.
            refused.expectServedBy(listening);
        }
    }
}
