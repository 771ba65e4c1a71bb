package io.socketlab.grader.suites.echo;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Visibility;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.DatagramProbe;
import io.socketlab.grader.probe.Payload;
import io.socketlab.grader.probe.ReadPace;
import io.socketlab.grader.probe.Slicing;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.probe.Upload;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The echo server: binary-safe TCP echo, half-close, concurrency, streaming, and UDP echo on the same port. */
@ExerciseSuite(exercise = "echo", program = Program.SERVER)
class EchoServerSuite {

    private static byte[] random(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    @Baseline
    @Requirement(clause = "ECHO-1", points = 1)
    void echoesALineBeforeHalfClose(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            byte[] hello = Bytes.utf8("hello\n");
            probe.send(hello).shutdownOutput().expectBytes(hello);
        }
    }

    @Requirement(clause = "ECHO-1", points = 1)
    void echoesInteractively(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            for (String line : List.of("first\n", "second line\n", "ñandú\n", "no newline yet")) {
                probe.send(line).expectBytes(Bytes.utf8(line));
            }
        }
    }

    @Requirement(clause = "ECHO-1", points = 1)
    void echoesEveryByteValue(ServerUnderTest server) throws Exception {
        byte[] all = new byte[1024];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        try (TcpProbe probe = server.connect()) {
            probe.send(all).expectBytes(all);
        }
    }

    @Requirement(clause = "ECHO-1", points = 1)
    void echoesSplitAndCoalescedData(ServerUnderTest server, Random random) throws Exception {
        try (TcpProbe probe = server.connect()) {
            byte[] small = Bytes.utf8("s\u00e9g\r\n");
            probe.send(small, Slicing.everyByte()).expectBytes(small);
            byte[] large = random(random, 48 * 1024);
            probe.send(large).expectBytes(large);
        }
    }

    @Requirement(clause = "ECHO-2", points = 2)
    void flushesAndClosesAfterHalfClose(ServerUnderTest server, Random random) throws Exception {
        try (TcpProbe probe = server.connect()) {
            Payload data = Payload.random(random, 64 * 1024);
            probe.sendInBackground(data).thenShutdownOutput();
            probe.expectStream(data, ReadPace.SLOW).expectClosed();
        }
    }

    @Requirement(clause = "ECHO-3", points = 2)
    void serves100ConnectionsAtOnce(ServerUnderTest server) throws Exception {
        List<TcpProbe> probes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            probes.add(server.connect());
        }
        for (int i = probes.size() - 1; i >= 0; i--) {
            probes.get(i).send("connection " + (i + 1) + " of 100, all open at once\n");
        }
        for (int i = 0; i < probes.size(); i++) {
            probes.get(i).expectBytes(Bytes.utf8("connection " + (i + 1) + " of 100, all open at once\n"));
        }
    }

    @Requirement(clause = "ECHO-4", points = 2)
    void streams16MiBToASlowReader(ServerUnderTest server, Random random) throws Exception {
        Payload stream = Payload.random(random, 16 << 20);
        try (TcpProbe probe = server.connect()) {
            Upload upload = probe.sendInBackground(stream).thenShutdownOutput();
            probe.expectStream(stream, ReadPace.SLOW);
            upload.expectFinished().expectAnsweredWhileSending();
        }
    }

    @Requirement(clause = "ECHO-5", points = 2)
    void echoesDatagramsOfEverySize(ServerUnderTest server, Random random) throws Exception {
        try (DatagramProbe udp = server.datagrams()) {
            // Growing sizes: a receive buffer whose length shrank to an earlier datagram's truncates the next one.
            for (int size : new int[] {0, 1, 1472, 8192, 65_507}) {
                udp.expectEcho(random(random, size));
            }
        }
    }

    @Requirement(clause = "ECHO-5", points = 1)
    void answersInterleavedClients(ServerUnderTest server) throws Exception {
        List<DatagramProbe> clients = List.of(server.datagrams(), server.datagrams(), server.datagrams());
        for (int round = 1; round <= 3; round++) {
            for (int c = 0; c < clients.size(); c++) {
                clients.get(c).expectEcho(Bytes.utf8("client " + (c + 1) + ", round " + round));
            }
        }
    }

    @Requirement(clause = "ECHO-6", points = 1, level = Level.SHOULD, visibility = Visibility.HIDDEN)
    void survivesAClientThatResets(ServerUnderTest server, Random random) throws Exception {
        try (TcpProbe steady = server.connect()) {
            steady.send("before the other client resets\n").expectBytes(Bytes.utf8("before the other client resets\n"));
            server.connect().send(random(random, 256 * 1024)).reset();
            steady.send("after the other client reset\n").expectBytes(Bytes.utf8("after the other client reset\n"));
        }
        server.expectAlive();
        try (TcpProbe fresh = server.connect()) {
            fresh.send("a new client\n").expectBytes(Bytes.utf8("a new client\n"));
        }
    }

    @Requirement(clause = "ECHO-7", points = 1, level = Level.SHOULD)
    void exitsTwoWhenItCannotListen(ServerUnderTest server) throws Exception {
        server.expectStartRefusedOnBusyPort(List.of());
    }

    @Requirement(clause = "ECHO-7", points = 1, level = Level.SHOULD)
    void exitsZeroOnSigterm(ServerUnderTest server) throws Exception {
        try (TcpProbe idle = server.connect()) {
            idle.send("ping\n").expectBytes(Bytes.utf8("ping\n"));
            server.expectCleanTermination();
        }
    }
}
