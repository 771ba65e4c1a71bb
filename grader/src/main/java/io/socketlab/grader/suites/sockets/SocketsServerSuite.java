package io.socketlab.grader.suites.sockets;

import static io.socketlab.grader.suites.sockets.Greeted.expectCounted;
import static io.socketlab.grader.suites.sockets.Greeted.greeted;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.Slicing;
import io.socketlab.grader.probe.TcpProbe;
import java.time.Duration;
import java.util.List;

/** The sockets server: greeting, byte counts, framing, the line limit, BYE, and surviving hostile clients. */
@ExerciseSuite(exercise = "sockets", program = Program.SERVER)
class SocketsServerSuite {

    private static final int LIMIT = 8192;

    @Baseline
    @Requirement(clause = "SOCK-1", points = 2)
    void greetsAndAnswersAFirstLine(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.sendLine("hello").expectLine("RECEIVED 5");
        }
    }

    // SOCK-2's and SOCK-5's replies are read as senders must write them: ended by LF alone, never CR LF.
    @Requirement(clause = "SOCK-2", points = 1)
    void countsAsciiAndEmptyLines(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server).lfOnly()) {
            for (String line : List.of("a", "", "hello world", "   ", "two words ")) {
                expectCounted(probe, line);
            }
        }
    }

    @Requirement(clause = "SOCK-2", points = 2)
    void countsUtf8BytesNotCharacters(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server).lfOnly()) {
            for (String line : List.of("héllo", "日本語", "😀 ok", "ñandú über")) {
                expectCounted(probe, line);
            }
        }
    }

    @Requirement(clause = "SOCK-3", points = 1)
    void answersALineSplitIntoOneByteSegments(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            // Multibyte characters are cut too: a server that decodes each read on its own miscounts them.
            probe.send(Bytes.utf8("sé 日本 split\n"), Slicing.everyByte()).expectLine("RECEIVED 16");
            probe.send(Bytes.utf8("y".repeat(3000) + "\n"), Slicing.pieces(700).pausing(Duration.ofMillis(30)))
                    .expectLine("RECEIVED 3000");
        }
    }

    @Requirement(clause = "SOCK-3", points = 1)
    void answersCoalescedLinesInOrder(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.send("one\ntwo\nthree\n\nfour, five\n");
            for (String count : List.of("3", "3", "5", "0", "10")) {
                probe.expectLine("RECEIVED " + count);
            }
        }
    }

    @Requirement(clause = "SOCK-3", points = 1)
    void stripsTheCrOfCrlf(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.send("abc\r\n").expectLine("RECEIVED 3");
            probe.send("\r\n").expectLine("RECEIVED 0");
            // Only one CR, and only right before the LF, is a line ending: any other CR is content.
            probe.send("a\r\r\n").expectLine("RECEIVED 2");
            probe.send("a\rb\n").expectLine("RECEIVED 3");
        }
    }

    @Requirement(clause = "SOCK-4", points = 1)
    void answersALineOf8192Bytes(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            expectCounted(probe, "é".repeat(LIMIT / 2));
            // 8192 content bytes, then CR LF: the CR is not content, so the line is not too long.
            probe.send("x".repeat(LIMIT) + "\r\n").expectLine("RECEIVED " + LIMIT);
        }
    }

    @Requirement(clause = "SOCK-4", points = 1)
    void refusesALineOf8193Bytes(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.sendLine("x".repeat(LIMIT + 1)).expectLine("ERR line-too-long").expectClosed();
        }
    }

    @Requirement(clause = "SOCK-5", points = 2)
    void answersByeAndCloses(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server).lfOnly()) {
            // BYE is exact and case-sensitive: these are ordinary lines.
            for (String line : List.of("bye", " BYE", "BYE ")) {
                expectCounted(probe, line);
            }
            probe.send("BYE\r\n").expectLine("BYE").expectClosed();
        }
    }

    @Requirement(clause = "SOCK-6", points = 1)
    void survivesAbruptAndSilentClients(ServerUnderTest server) throws Exception {
        greeted(server).reset();
        server.connect().close();
        greeted(server).send("half a li").reset();
        server.expectAlive();
        try (TcpProbe next = greeted(server)) {
            expectCounted(next, "fine");
        }
    }

    @Requirement(clause = "SOCK-7", points = 2)
    void serves20ClientsInARow(ServerUnderTest server) throws Exception {
        for (int i = 1; i <= 20; i++) {
            try (TcpProbe probe = greeted(server)) {
                expectCounted(probe, "client " + i);
                probe.sendLine("BYE").expectLine("BYE").expectClosed();
            }
        }
    }

    @Requirement(clause = "SOCK-8", points = 1, level = Level.SHOULD)
    void exitsTwoWhenItCannotListen(ServerUnderTest server) throws Exception {
        server.expectStartRefusedOnBusyPort(List.of());
    }

    @Requirement(clause = "SOCK-8", points = 1, level = Level.SHOULD)
    void exitsZeroOnSigterm(ServerUnderTest server) throws Exception {
        greeted(server).close();
        server.expectCleanTermination();
    }
}
