package io.socketlab.grader.suites.udptransfer;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.RandomBytes;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * UT-10's Decision on abandoned transfers: state idle for 30 s is dropped and its temporary file deleted. A server of
 * its own (the test waits half a minute beside the others, not in front of them).
 */
@ExerciseSuite(exercise = "udp-transfer", program = Program.SERVER, freshServerPerTest = true)
class UdpTransferServerIdleSuite {

    /** The spec's 30 s of idleness, and room for a server that looks for idle transfers every few seconds. */
    private static final Duration DROPPED_WITHIN = Duration.ofSeconds(45);
    private static final Duration QUIET = Duration.ofMillis(300);

    @Requirement(clause = "UT-10", points = 1)
    void dropsAnAbandonedTransferAndItsTemporaryFile(ServerUnderTest server, Random random) throws Exception {
        byte[] content = RandomBytes.of(random, 2048);
        int tid = random.nextInt();
        Sender sender = new Sender(server.datagrams(), server.timeouts());
        sender.start(tid, "abandoned.bin", content.length);
        sender.chunk(tid, content, 0);
        long abandoned = System.nanoTime();
        Path dir = server.dataDir();

        Text step = Text.of("a transfer abandoned after its first chunk of two, 30 s later",
                "una transferencia abandonada tras el primero de sus dos trozos, 30 s después");
        try {
            Awaitility.await().pollDelay(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .atMost(server.timeouts().scaled(DROPPED_WITHIN)).until(() -> leftovers(dir).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw ConformanceFailure.integrity(step, Text.of("no temporary file left in --dir",
                            "ningún fichero temporal en --dir"),
                    Text.format("%s still there after %d s", "%s sigue ahí tras %d s", leftovers(dir),
                            Duration.ofNanos(System.nanoTime() - abandoned).toSeconds()));
        }
        // The state went with the file: the second chunk now belongs to no transfer, and is ignored (UT-9).
        while (sender.probe().receive(QUIET).isPresent()) {
            continue; // late copies of the first chunk's ACK
        }
        sender.probe().send(Datagrams.data(tid, 1, Datagrams.chunk(content, 1)));
        sender.expectSilence(step, Text.of("the transfer was dropped: its tid is unknown now",
                "la transferencia se descartó: su tid ya es desconocido"), Duration.ofSeconds(1));
        server.expectAlive();
    }

    private static List<String> leftovers(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> name.startsWith(".")).sorted().toList();
        }
    }
}
