package io.socketlab.grader.suites.sockets;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** The sockets server: greeting, byte counts, framing, the line limit, BYE, and surviving hostile clients. */
@ExerciseSuite(exercise = "sockets", program = Program.SERVER)
class SocketsServerSuite {

    private static final Pattern HELLO = Pattern.compile("HELLO .+");
    private static final Text GREETING = Text.of("reading the greeting", "leyendo el saludo");
    private static final int LIMIT = 8192;

    /** Connects and consumes the greeting, which every conversation starts with. */
    private static TcpProbe greeted(ServerUnderTest server) throws Exception {
        TcpProbe probe = server.connect();
        probe.expectLineMatching(GREETING, HELLO, "\"HELLO <server-name>\"");
        return probe;
    }

    private static void expectCount(TcpProbe probe, String line, int bytes) throws Exception {
        Text step = line.length() <= 40
                ? Text.of("reply to " + Bytes.quote(line + "\n"), "respuesta a " + Bytes.quote(line + "\n"))
                : Text.of("reply to a line of " + bytes + " bytes", "respuesta a una línea de " + bytes + " bytes");
        probe.expectLine(step, "RECEIVED " + bytes);
    }

    @Baseline
    @Requirement(clause = "SOCK-1", points = 2)
    void greetsAndAnswersAFirstLine(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.sendLine("hello");
            expectCount(probe, "hello", 5);
        }
    }

    @Requirement(clause = "SOCK-2", points = 1)
    void countsAsciiAndEmptyLines(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            for (String line : new String[] {"a", "", "hello world", "   "}) {
                probe.sendLine(line);
                expectCount(probe, line, line.length());
            }
        }
    }

    @Requirement(clause = "SOCK-2", points = 2)
    void countsUtf8BytesNotCharacters(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            for (String line : new String[] {"héllo", "日本語", "😀 ok", "ñandú über"}) {
                probe.sendLine(line);
                expectCount(probe, line, Bytes.utf8(line).length);
            }
        }
    }

    @Requirement(clause = "SOCK-3", points = 1)
    void answersALineSplitIntoOneByteSegments(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.sendSliced(Bytes.utf8("split into bytes\n"), 1, Duration.ofMillis(15));
            expectCount(probe, "split into bytes", 16);
            String longLine = "y".repeat(3000);
            probe.sendSliced(Bytes.utf8(longLine + "\n"), 700, Duration.ofMillis(30));
            expectCount(probe, longLine, 3000);
        }
    }

    @Requirement(clause = "SOCK-3", points = 1)
    void answersCoalescedLinesInOrder(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.send("one\ntwo\nthree\n\nfour, five\n");
            for (String line : new String[] {"one", "two", "three", "", "four, five"}) {
                expectCount(probe, line, line.length());
            }
        }
    }

    @Requirement(clause = "SOCK-3", points = 1)
    void stripsTheCrOfCrlf(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.send("abc\r\n");
            expectCount(probe, "abc", 3);
            probe.send("\r\n");
            expectCount(probe, "", 0);
        }
    }

    @Requirement(clause = "SOCK-4", points = 1)
    void answersALineOf8192Bytes(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            String line = "é".repeat(LIMIT / 2);
            probe.sendLine(line);
            expectCount(probe, line, LIMIT);
        }
    }

    @Requirement(clause = "SOCK-4", points = 1)
    void refusesALineOf8193Bytes(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.sendLine("x".repeat(LIMIT + 1));
            Text step = Text.of("reply to an 8193-byte line", "respuesta a una línea de 8193 bytes");
            probe.expectLine(step, "ERR line-too-long");
            probe.expectClosed(Text.of("after ERR line-too-long", "tras ERR line-too-long"), probe.replyTimeout());
        }
    }

    @Requirement(clause = "SOCK-5", points = 2)
    void answersByeAndCloses(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.sendLine("before");
            expectCount(probe, "before", 6);
            probe.sendLine("BYE");
            probe.expectLine(Text.of("reply to BYE", "respuesta a BYE"), "BYE");
            probe.expectClosed(Text.of("after BYE", "tras BYE"), probe.replyTimeout());
        }
    }

    @Requirement(clause = "SOCK-6", points = 1)
    void survivesInvalidUtf8(ServerUnderTest server) throws Exception {
        Text step = Text.of("reply to the bytes ff fe 41 c3", "respuesta a los bytes ff fe 41 c3");
        try (TcpProbe probe = greeted(server)) {
            probe.send(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41, (byte) 0xc3, '\n'});
            String reply;
            try {
                reply = probe.readLine(step);
            } catch (ConformanceFailure failure) {
                if (failure.kind() != FailureKind.CLOSED_UNEXPECTEDLY) {
                    throw failure;
                }
                reply = null; // closing the connection is an allowed answer
            }
            if (reply != null && !reply.equals("RECEIVED 4") && !reply.startsWith("ERR ")) {
                throw ConformanceFailure.wrongOutput(step, "\"RECEIVED 4\", \"ERR <code>\" or a close", Bytes.quote(reply));
            }
        }
        server.expectAlive(step);
        try (TcpProbe next = greeted(server)) {
            next.sendLine("still there?");
            expectCount(next, "still there?", 12);
        }
    }

    @Requirement(clause = "SOCK-6", points = 1)
    void survivesAbruptAndSilentClients(ServerUnderTest server) throws Exception {
        greeted(server).reset();
        server.connect().close();
        TcpProbe halfLine = greeted(server);
        halfLine.send("half a li");
        halfLine.reset();
        server.expectAlive(Text.of("after three abrupt clients", "tras tres clientes abruptos"));
        try (TcpProbe next = greeted(server)) {
            next.sendLine("fine");
            expectCount(next, "fine", 4);
        }
    }

    @Requirement(clause = "SOCK-7", points = 2)
    void serves20ClientsInARow(ServerUnderTest server) throws Exception {
        for (int i = 1; i <= 20; i++) {
            try (TcpProbe probe = greeted(server)) {
                String line = "client " + i;
                probe.sendLine(line);
                expectCount(probe, line, line.length());
                probe.sendLine("BYE");
                probe.expectLine(Text.of("reply to BYE of client " + i, "respuesta a BYE del cliente " + i), "BYE");
                probe.expectClosed(Text.of("after BYE", "tras BYE"), probe.replyTimeout());
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
