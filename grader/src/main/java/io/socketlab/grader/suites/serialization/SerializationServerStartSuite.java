package io.socketlab.grader.suites.serialization;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** SER-8's start-up errors ("Starting the programs"): a port it cannot listen on, a FILE it cannot use. */
@ExerciseSuite(exercise = "serialization", program = Program.SERVER)
class SerializationServerStartSuite {

    @Requirement(clause = "SER-8", points = 1, level = Level.SHOULD)
    void exitsTwoWhenItCannotListenOrStore(ServerUnderTest server) throws Exception {
        Path folder = Files.createDirectories(server.dataDir().resolve("a-folder.jsonl"));
        server.expectStartRefused(List.of("--store", folder.toString()), "--store " + folder.getFileName() + " (a folder)");
        server.expectStartRefusedOnBusyPort(List.of("--store", server.dataDir().resolve("busy.jsonl").toString()));
    }
}
