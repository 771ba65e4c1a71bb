package io.socketlab.grader.suites.filetransfer;

import static io.socketlab.grader.conformance.ClientUnderTest.HOST;
import static io.socketlab.grader.conformance.ClientUnderTest.PORT;

import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.Program;
import java.util.List;

/**
 * "Starting the programs": missing or unknown options and arguments are usage errors for the client too, exit 2 with
 * one stderr line, and nothing is sent.
 */
@ExerciseSuite(exercise = "file-transfer", program = Program.CLIENT)
class FileTransferClientUsageSuite {

    @Requirement(clause = "FT-13", points = 1)
    void refusesBadCommandLines(ClientUnderTest client) throws Exception {
        for (List<String> arguments : List.of(
                List.of("--host", HOST, "--port", PORT),
                List.of("--host", HOST, "--port", PORT, "frobnicate"),
                List.of("--host", HOST, "--port", PORT, "list", "extra"),
                List.of("--host", HOST, "--port", PORT, "get", "only-a-name"),
                List.of("--host", HOST, "--port", PORT, "--colour", "red", "list"),
                List.of("--host", HOST, "list"),
                List.of("--host", HOST, "list", "--port"))) {
            client.expectUsageError(arguments);
        }
    }
}
