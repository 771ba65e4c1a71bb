package io.socketlab.grader.suites.serialization;

import static io.socketlab.grader.conformance.ClientUnderTest.HOST;
import static io.socketlab.grader.conformance.ClientUnderTest.PORT;

import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.FakeTcpServer;
import java.util.List;

/**
 * SER-11 beyond {@link SerializationClientSuite}'s cases: an {@code ok} to {@code list} without its array of reports
 * is no valid answer; missing or unknown options are usage errors ("Starting the programs"). Each exits
 * 2 with one stderr line.
 */
@ExerciseSuite(exercise = "serialization", program = Program.CLIENT)
class SerializationClientMisuseSuite {

    private static final byte[] NO_INPUT = new byte[0];
    private static final Text REQUEST = Text.of("the frame the client sent", "la trama que envió el cliente");

    @Requirement(clause = "SER-11", points = 1)
    void exitsTwoOnAListWithoutReportsAndOnUsageErrors(ClientUnderTest client) throws Exception {
        for (String answer : List.of("{\"status\":\"ok\"}", "{\"status\":\"ok\",\"reports\":{\"id\":1}}")) {
            FakeTcpServer fake = client.fakeServer(connection -> {
                Frames.read(connection, REQUEST);
                connection.send(Frames.frame(answer));
            });
            client.run(fake.port(), List.of("--list"), NO_INPUT).expectServedBy(fake).expectPrinted()
                    .expectExitCode(Text.format("exit code after the answer %s to list", "código de salida tras la"
                            + " respuesta %s a list", Frames.shown(answer)), 2)
                    .expectOneErrorLine();
        }
        for (List<String> arguments : List.of(
                List.of("--host", HOST, "--port", PORT, "--colour", "red"),
                List.of("--host", HOST, "--list"),
                List.of("--host", HOST, "--list", "--port"))) {
            client.expectUsageError(arguments);
        }
    }
}
