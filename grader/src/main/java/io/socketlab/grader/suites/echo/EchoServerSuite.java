package io.socketlab.grader.suites.echo;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Visibility;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.DatagramProbe;
import io.socketlab.grader.probe.TcpProbe;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The echo server: binary-safe TCP echo, half-close, concurrency, streaming, and UDP echo on the same port. */
@ExerciseSuite(exercise = "echo", program = Program.SERVER)
class EchoServerSuite {

    private static byte[] random(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void expectEcho(TcpProbe probe, byte[] sent, Text step) throws Exception {
        byte[] echoed = probe.readExactly(sent.length, step, probe.replyTimeout());
        if (!Arrays.equals(sent, echoed)) {
            throw ConformanceFailure.integrity(step, "the same " + sent.length + " bytes back",
                    Text.same(Bytes.describeDifference(sent, echoed)));
        }
    }

    @Baseline
    @Requirement(clause = "ECHO-1", points = 1)
    void echoesALineBeforeHalfClose(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            byte[] hello = Bytes.utf8("hello\n");
            probe.send(hello).shutdownOutput();
            expectEcho(probe, hello, Text.of("echo of \"hello\\n\"", "eco de \"hello\\n\""));
        }
    }

    @Requirement(clause = "ECHO-1", points = 1)
    void echoesInteractively(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            for (String line : new String[] {"first\n", "second line\n", "ñandú\n"}) {
                byte[] bytes = Bytes.utf8(line);
                probe.send(bytes);
                expectEcho(probe, bytes, Text.of("echo of " + Bytes.quote(line) + " with the connection open",
                        "eco de " + Bytes.quote(line) + " con la conexión abierta"));
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
            probe.send(all);
            expectEcho(probe, all, Text.of("echo of bytes 00..ff, four times", "eco de los bytes 00..ff, cuatro veces"));
        }
    }

    @Requirement(clause = "ECHO-1", points = 1)
    void echoesSplitAndCoalescedData(ServerUnderTest server, Random random) throws Exception {
        try (TcpProbe probe = server.connect()) {
            byte[] small = Bytes.utf8("s\u00e9g\n");
            probe.sendSliced(small, 1, Duration.ofMillis(15));
            expectEcho(probe, small, Text.of("echo of bytes sent one per segment", "eco de bytes enviados uno por segmento"));
            byte[] large = random(random, 48 * 1024);
            probe.send(large);
            expectEcho(probe, large, Text.of("echo of 48 KiB sent at once", "eco de 48 KiB enviados de golpe"));
        }
    }

    @Requirement(clause = "ECHO-2", points = 2)
    void flushesAndClosesAfterHalfClose(ServerUnderTest server, Random random) throws Exception {
        try (TcpProbe probe = server.connect()) {
            byte[] data = random(random, 64 * 1024);
            probe.send(data);
            probe.shutdownOutput();
            Text step = Text.of("everything echoed, then a close", "todo devuelto y luego un cierre");
            byte[] echoed = probe.readUntilClosed(data.length, step, probe.replyTimeout());
            if (!Arrays.equals(data, echoed)) {
                throw ConformanceFailure.integrity(step, data.length + " bytes then a close",
                        Text.same(Bytes.describeDifference(data, echoed)));
            }
        }
    }

    @Requirement(clause = "ECHO-3", points = 2)
    void serves100ConnectionsAtOnce(ServerUnderTest server) throws Exception {
        List<TcpProbe> probes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            probes.add(server.connect());
        }
        for (int i = probes.size() - 1; i >= 0; i--) {
            probes.get(i).send(Bytes.utf8("connection " + i + "\n"));
        }
        for (int i = 0; i < probes.size(); i++) {
            expectEcho(probes.get(i), Bytes.utf8("connection " + i + "\n"),
                    Text.of("echo on connection " + (i + 1) + " of 100, all open at once",
                            "eco en la conexión " + (i + 1) + " de 100, todas abiertas a la vez"));
        }
    }

    @Requirement(clause = "ECHO-4", points = 2)
    void streams16MiB(ServerUnderTest server, Random random) throws Exception {
        final int total = 16 << 20;
        final int chunk = 64 * 1024;
        long seed = random.nextLong();
        AtomicLong written = new AtomicLong();
        AtomicReference<Exception> writeFailure = new AtomicReference<>();
        try (TcpProbe probe = server.connect()) {
            probe.socket().setSoTimeout((int) server.timeouts().seconds(10).toMillis());
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = probe.socket().getOutputStream();
                    Random source = new Random(seed);
                    byte[] block = new byte[chunk];
                    for (int sent = 0; sent < total; sent += chunk) {
                        source.nextBytes(block);
                        out.write(block);
                        written.addAndGet(chunk);
                    }
                    probe.socket().shutdownOutput();
                } catch (Exception e) {
                    writeFailure.set(e);
                }
            }, "socketlab-echo-writer");
            writer.setDaemon(true);
            writer.start();
            Text step = Text.of("reading the echo of a 16 MiB stream", "leyendo el eco de un flujo de 16 MiB");
            InputStream in = probe.socket().getInputStream();
            Random expected = new Random(seed);
            byte[] expectedBlock = new byte[chunk];
            byte[] buffer = new byte[chunk];
            long received = 0;
            long writtenAtFirstEcho = -1;
            while (received < total) {
                if (received % chunk == 0) {
                    expected.nextBytes(expectedBlock);
                }
                int want = (int) Math.min(buffer.length, chunk - received % chunk);
                int n;
                try {
                    n = in.read(buffer, 0, want);
                } catch (SocketTimeoutException e) {
                    throw ConformanceFailure.timeout(step, total + " bytes echoed",
                            server.timeouts().seconds(10)).withHint(Text.of(
                            "only " + received + " of " + total + " bytes came back",
                            "solo volvieron " + received + " de " + total + " bytes"));
                }
                if (n < 0) {
                    throw ConformanceFailure.closed(step, total + " bytes echoed", received + " bytes");
                }
                if (writtenAtFirstEcho < 0) {
                    writtenAtFirstEcho = written.get();
                }
                int offset = (int) (received % chunk);
                if (!Arrays.equals(buffer, 0, n, expectedBlock, offset, offset + n)) {
                    throw ConformanceFailure.integrity(step, "the bytes sent, in order",
                            Text.of("different bytes around offset " + received, "bytes distintos cerca del desplazamiento " + received));
                }
                received += n;
            }
            if (writtenAtFirstEcho >= total) {
                throw ConformanceFailure.wrongOutput(Text.of("timing of the echo", "momento del eco"),
                        "echoed bytes arriving while the client is still writing",
                        Text.of("nothing came back until all 16 MiB had been written",
                                "no volvió nada hasta escribir los 16 MiB"));
            }
            if (writeFailure.get() != null) {
                throw writeFailure.get();
            }
        }
    }

    @Requirement(clause = "ECHO-5", points = 2)
    void echoesDatagramsOfEverySize(ServerUnderTest server, Random random) throws Exception {
        try (DatagramProbe udp = server.datagrams()) {
            for (int size : new int[] {0, 1, 1472, 8192, 65_507}) {
                byte[] payload = random(random, size);
                Text step = Text.of("echo of a " + size + "-byte datagram", "eco de un datagrama de " + size + " bytes");
                byte[] echoed = roundTrip(udp, payload, step, server);
                if (!Arrays.equals(payload, echoed)) {
                    throw ConformanceFailure.integrity(step, "one datagram of " + size + " bytes, identical",
                            Text.of("a datagram of " + echoed.length + " bytes: " + Bytes.describeDifference(payload, echoed),
                                    "un datagrama de " + echoed.length + " bytes: " + Bytes.describeDifference(payload, echoed)));
                }
            }
        }
    }

    @Requirement(clause = "ECHO-5", points = 1)
    void answersInterleavedClients(ServerUnderTest server) throws Exception {
        List<DatagramProbe> clients = List.of(server.datagrams(), server.datagrams(), server.datagrams());
        for (int round = 0; round < 3; round++) {
            for (int c = 0; c < clients.size(); c++) {
                byte[] payload = Bytes.utf8("client " + c + " round " + round);
                Text step = Text.of("echo to UDP client " + (c + 1) + ", round " + (round + 1),
                        "eco al cliente UDP " + (c + 1) + ", ronda " + (round + 1));
                byte[] echoed = roundTrip(clients.get(c), payload, step, server);
                if (!Arrays.equals(payload, echoed)) {
                    throw ConformanceFailure.wrongOutput(step, Bytes.render(payload), Bytes.render(echoed));
                }
            }
        }
    }

    /** Sends a datagram and waits for one back, sending again (three times in all) since UDP may lose either. */
    private static byte[] roundTrip(DatagramProbe udp, byte[] payload, Text step, ServerUnderTest server)
            throws Exception {
        Duration wait = server.timeouts().seconds(1);
        for (int attempt = 0; attempt < 3; attempt++) {
            udp.send(payload);
            Optional<byte[]> echoed = udp.receive(wait);
            if (echoed.isPresent()) {
                return echoed.get();
            }
        }
        throw ConformanceFailure.timeout(step, "one datagram back (sent 3 times)", wait.multipliedBy(3));
    }

    @Requirement(clause = "ECHO-6", points = 1, level = Level.SHOULD, visibility = Visibility.HIDDEN)
    void survivesAClientThatResets(ServerUnderTest server, Random random) throws Exception {
        try (TcpProbe steady = server.connect()) {
            byte[] first = Bytes.utf8("before\n");
            steady.send(first);
            expectEcho(steady, first, Text.of("echo before the other client resets", "eco antes del corte del otro cliente"));
            TcpProbe rude = server.connect();
            rude.send(random(random, 256 * 1024));
            rude.reset();
            byte[] second = Bytes.utf8("after\n");
            steady.send(second);
            expectEcho(steady, second, Text.of("echo after the other client reset", "eco tras el corte del otro cliente"));
        }
        server.expectAlive(Text.of("after a client reset", "tras el corte de un cliente"));
        try (TcpProbe fresh = server.connect()) {
            byte[] third = Bytes.utf8("new client\n");
            fresh.send(third);
            expectEcho(fresh, third, Text.of("echo to a new client", "eco a un cliente nuevo"));
        }
    }

    @Requirement(clause = "ECHO-7", points = 1, level = Level.SHOULD)
    void exitsTwoWhenItCannotListen(ServerUnderTest server) throws Exception {
        server.expectStartRefusedOnBusyPort(List.of());
    }

    @Requirement(clause = "ECHO-7", points = 1, level = Level.SHOULD)
    void exitsZeroOnSigterm(ServerUnderTest server) throws Exception {
        try (TcpProbe idle = server.connect()) {
            byte[] ping = Bytes.utf8("ping\n");
            idle.send(ping);
            expectEcho(idle, ping, Text.of("echo before SIGTERM", "eco antes de SIGTERM"));
            server.expectCleanTermination();
        }
    }
}
