package io.socketlab.grader.suites.project;

import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import java.util.List;

/** The project's client: it explains itself and follows the course's exit codes. */
@ExerciseSuite(exercise = "project", program = Program.CLIENT)
class ProjectClientSuite {

    @Baseline
    @Requirement(clause = "PROJ-7", points = 2)
    void answersHelp(ClientUnderTest client) {
        Help.expectUsage(client.startRaw(List.of("--help"))
                .awaitExit(Text.of("running the client with --help", "ejecutando el cliente con --help"),
                        client.timeouts().seconds(15)), "client");
    }

    @Requirement(clause = "PROJ-8", points = 2)
    void exitsTwoWhenRefused(ClientUnderTest client) {
        client.expectExitTwoWhenRefused(List.of());
    }
}
