package io.socketlab.grader.suites.udpstream;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** US-15: the receiver's start-up errors ("Starting the programs") and the contract's SIGTERM. */
@ExerciseSuite(exercise = "udp-stream", program = Program.SERVER)
class UdpStreamServerStartSuite {

    @Requirement(clause = "US-15", points = 1, level = Level.SHOULD)
    void exitsTwoWhenItCannotBindOrWrite(ServerUnderTest server) throws Exception {
        Path file = Files.writeString(server.dataDir().resolve("not-a-folder"), "a file, not a folder\n");
        server.expectStartRefused(List.of("--out", file.toString()), "--out " + file.getFileName() + " (a file)");
        server.expectStartRefusedOnBusyPort(List.of("--out", server.dataDir().toString()));
    }

    @Requirement(clause = "US-15", points = 1, level = Level.SHOULD)
    void exitsZeroOnSigterm(ServerUnderTest server) {
        server.expectCleanTermination();
    }
}
