package io.socketlab.grader.suites.filetransfer.hidden;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.RandomBytes;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Visibility;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.suites.filetransfer.Folder;
import io.socketlab.grader.suites.filetransfer.Transfers;
import java.util.Random;

/**
 * The file server's hidden test: serving while another client vanishes mid-upload or stops reading a download (FT-9),
 * robustness a student should reason out from the spec (one thread per connection, an error ends only that one), not
 * tune against a visible probe.
 */
@ExerciseSuite(exercise = "file-transfer", program = Program.SERVER)
class FileTransferServerHiddenSuite {

    @Requirement(clause = "FT-9", points = 1, level = Level.SHOULD, visibility = Visibility.HIDDEN)
    void survivesVanishingClients(ServerUnderTest server, Random random) throws Exception {
        Folder.useDir(server, "vanish");
        byte[] content = RandomBytes.of(random, 3 << 20);
        try (TcpProbe probe = server.connect()) {
            Transfers.put(probe, "keep.bin", content);
        }
        try (TcpProbe reader = server.connect()) {
            server.connect().sendLine("PUT gone.bin 1000000").send(RandomBytes.of(random, 1000)).reset();
            // A client that asks for 3 MiB, reads nothing (the server's writes block), then resets.
            TcpProbe stalled = server.connect().sendLine("GET keep.bin");
            Transfers.expectGet(reader, "keep.bin", content);
            stalled.reset();
            Transfers.expectGet(reader, "keep.bin", content);
        }
        server.expectAlive();
    }
}
