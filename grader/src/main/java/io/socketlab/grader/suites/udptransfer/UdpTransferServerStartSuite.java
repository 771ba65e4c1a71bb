package io.socketlab.grader.suites.udptransfer;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** UT-19: the server's start-up errors ("Starting the programs") and the contract's SIGTERM. */
@ExerciseSuite(exercise = "udp-transfer", program = Program.SERVER)
class UdpTransferServerStartSuite {

    @Requirement(clause = "UT-19", points = 1, level = Level.SHOULD)
    void exitsTwoWhenItCannotBindOrStore(ServerUnderTest server) throws Exception {
        Path file = Files.writeString(server.dataDir().resolve("not-a-folder"), "a file, not a folder\n");
        server.expectStartRefused(List.of("--dir", file.toString()), "--dir " + file.getFileName() + " (a file)");
        server.expectStartRefusedOnBusyPort(List.of("--dir", server.dataDir().toString()));
    }

    @Requirement(clause = "UT-19", points = 1, level = Level.SHOULD)
    void exitsZeroOnSigterm(ServerUnderTest server) {
        server.expectCleanTermination();
    }
}
