package io.socketlab.grader.suites.udptransfer;

import static io.socketlab.grader.suites.udptransfer.ServerDir.dir;
import static io.socketlab.grader.suites.udptransfer.ServerDir.expectStored;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.RandomBytes;
import io.socketlab.grader.conformance.ReferencePeer;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.network.LossyRelay;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.DatagramProbe;
import io.socketlab.grader.process.RunningProgram;
import io.socketlab.grader.suites.udptransfer.Datagrams.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** The udp-transfer server: chunks, ACKs, END and DONE, names and limits, hostile datagrams, and the reference client. */
@ExerciseSuite(exercise = "udp-transfer", program = Program.SERVER)
class UdpTransferServerSuite {

    private static Text step(String en, String es) {
        return Text.of(en, es);
    }

    private static Sender sender(ServerUnderTest server) throws Exception {
        return new Sender(server.datagrams(), server.timeouts());
    }

    /** Restarts the server on a new, empty folder; returns the folder. */
    private static Path useDir(ServerUnderTest server, String name) throws Exception {
        Path dir = Files.createDirectories(server.dataDir().resolve(name));
        server.restartWith(List.of("--dir", dir.toString()));
        return dir;
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Baseline
    @Requirement(clause = "UT-1", points = 3)
    void storesOneChunk(ServerUnderTest server, Random random) throws Exception {
        byte[] content = RandomBytes.of(random, 1024);
        int tid = random.nextInt();
        Sender sender = sender(server);
        sender.transfer(tid, "baseline.bin", content);
        expectStored(dir(server), "baseline.bin", content);
    }

    @Requirement(clause = "UT-2", points = 2)
    void storesEverySize(ServerUnderTest server, Random random) throws Exception {
        Sender sender = sender(server);
        for (int size : new int[] {0, 1, 1023, 1025, 2048, 1 << 20}) {
            byte[] content = RandomBytes.of(random, size);
            String name = "size-" + size + ".bin";
            sender.transfer(random.nextInt(), name, content);
            expectStored(dir(server), name, content);
        }
    }

    @Requirement(clause = "UT-2", points = 1)
    void echoesTidAndSeq(ServerUnderTest server, Random random) throws Exception {
        DatagramProbe probe = server.datagrams();
        int tid = 0x80000000 | random.nextInt();
        byte[] content = RandomBytes.of(random, 5 * 1024 + 3);
        Sender sender = new Sender(probe, server.timeouts());
        sender.start(tid, "echoed.bin", content.length);
        for (long seq : new long[] {3, 0, 5, 1, 4, 2}) {
            probe.send(Datagrams.data(tid, seq, Datagrams.chunk(content, seq)));
            byte[] expected = Datagrams.ack(tid, seq);
            Text what = step("the ACK of DATA seq " + seq, "el ACK de DATA seq " + seq);
            byte[] reply = probe.expectDatagram(what, Datagrams.describe(expected));
            if (!Arrays.equals(reply, expected)) {
                throw ConformanceFailure.wrongOutput(what, Datagrams.describe(expected).plus(Text.same(" = " + Bytes.render(expected))),
                        Datagrams.describe(reply).plus(Text.same(" = " + Bytes.render(reply))));
            }
        }
    }

    @Requirement(clause = "UT-3", points = 2)
    void repeatedStartChangesNothing(ServerUnderTest server, Random random) throws Exception {
        byte[] content = RandomBytes.of(random, 3 * 1024 - 100);
        int tid = random.nextInt();
        Sender sender = sender(server);
        sender.start(tid, "restarted.bin", content.length);
        sender.chunk(tid, content, 0);
        sender.chunk(tid, content, 1);
        sender.start(tid, "restarted.bin", content.length);
        sender.chunk(tid, content, 2);
        sender.expectDone(tid, Datagrams.sha256(content), 0);
        expectStored(dir(server), "restarted.bin", content);
    }

    @Requirement(clause = "UT-4", points = 1)
    void acknowledgesDuplicates(ServerUnderTest server, Random random) throws Exception {
        byte[] content = RandomBytes.of(random, 3 * 1024 + 10);
        int tid = random.nextInt();
        Sender sender = sender(server);
        sender.start(tid, "duplicates.bin", content.length);
        // Out of order and repeated, as a network may deliver them: each chunk belongs at seq * 1024.
        for (long seq : new long[] {2, 0, 0, 3, 1, 2, 3, 0}) {
            sender.chunk(tid, content, seq);
        }
        sender.expectDone(tid, Datagrams.sha256(content), 0);
        expectStored(dir(server), "duplicates.bin", content);
    }

    @Requirement(clause = "UT-4", points = 2)
    void ignoresInvalidData(ServerUnderTest server, Random random) throws Exception {
        byte[] content = RandomBytes.of(random, 3 * 1024 - 24);
        int tid = random.nextInt();
        Sender sender = sender(server);
        sender.start(tid, "invalid-data.bin", content.length);
        sender.chunk(tid, content, 0);
        sender.chunk(tid, content, 1);
        byte[] junk = RandomBytes.of(random, 1100);
        List<byte[]> invalid = List.of(
                Datagrams.data(tid, 3, Arrays.copyOf(junk, 1000)),
                Datagrams.data(tid, 0xFFFFFFFFL, Arrays.copyOf(junk, 1000)),
                Datagrams.data(tid, 0, Arrays.copyOf(junk, 1023)),
                Datagrams.data(tid, 0, Arrays.copyOf(junk, 1025)),
                Datagrams.data(tid, 0, new byte[0]),
                Datagrams.data(tid, 2, Arrays.copyOf(junk, 1024)),
                Datagrams.data(tid, 2, Arrays.copyOf(junk, 999)));
        for (byte[] datagram : invalid) {
            sender.probe().send(datagram);
        }
        // The server answers in order: the ACK of this duplicate comes after any ACK of the invalid ones.
        sender.expectNothingBefore(Datagrams.data(tid, 1, Datagrams.chunk(content, 1)),
                step("the replies after 7 invalid DATA (seq 3 and 4294967295 out of range; payloads of 1023, 1025, 0, 1024 and 999 bytes)",
                        "las respuestas tras 7 DATA no válidos (seq 3 y 4294967295 fuera de rango; cargas de 1023, 1025, 0, 1024 y 999 bytes)"),
                Text.same("ACK seq=1"), m -> m.type() == Datagrams.ACK && m.tid() == tid && m.seq() == 1);
        sender.chunk(tid, content, 2);
        sender.expectDone(tid, Datagrams.sha256(content), 0);
        expectStored(dir(server), "invalid-data.bin", content);
    }

    @Requirement(clause = "UT-5", points = 2)
    void ignoresEarlyEnd(ServerUnderTest server, Random random) throws Exception {
        byte[] content = RandomBytes.of(random, 3 * 1024);
        int tid = random.nextInt();
        Sender sender = sender(server);
        sender.start(tid, "early-end.bin", content.length);
        sender.chunk(tid, content, 0);
        sender.chunk(tid, content, 1);
        sender.probe().send(Datagrams.end(tid, Datagrams.sha256(content)));
        sender.expectSilence(step("the reply to END while chunk 2 is missing", "la respuesta a END mientras falta el trozo 2"),
                Text.of("END while chunks are missing is ignored", "un END con trozos pendientes se ignora"),
                server.timeouts().seconds(1));
        sender.chunk(tid, content, 2);
        sender.expectDone(tid, Datagrams.sha256(content), 0);
        expectStored(dir(server), "early-end.bin", content);
    }

    @Requirement(clause = "UT-5", points = 1)
    void repeatsDone(ServerUnderTest server, Random random) throws Exception {
        byte[] content = RandomBytes.of(random, 2000);
        int tid = random.nextInt();
        Sender sender = sender(server);
        sender.transfer(tid, "done-again.bin", content);
        for (int again = 1; again <= 2; again++) {
            sender.expectDone(tid, Datagrams.sha256(content), 0);
        }
        expectStored(dir(server), "done-again.bin", content);
    }

    @Requirement(clause = "UT-6", points = 2)
    void discardsAWrongDigest(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "mismatch");
        byte[] content = RandomBytes.of(random, 2500);
        int tid = random.nextInt();
        Sender sender = sender(server);
        sender.start(tid, "mismatch.bin", content.length);
        sender.chunks(tid, content);
        byte[] wrong = Datagrams.sha256(content);
        wrong[31] ^= 1;
        sender.expectDone(tid, wrong, 1);
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .atMost(Duration.ofSeconds(2)).until(() -> listing(dir).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw ConformanceFailure.integrity(step("--dir after DONE 1", "--dir tras DONE 1"),
                    Text.of("an empty folder", "una carpeta vacía"),
                    Text.of("it holds " + listing(dir), "contiene " + listing(dir)));
        }
    }

    @Requirement(clause = "UT-6", points = 1)
    void repeatsDoneOne(ServerUnderTest server, Random random) throws Exception {
        byte[] content = RandomBytes.of(random, 1500);
        int tid = random.nextInt();
        Sender sender = sender(server);
        sender.start(tid, "mismatch-again.bin", content.length);
        sender.chunks(tid, content);
        byte[] wrong = Datagrams.sha256(new byte[0]);
        sender.expectDone(tid, wrong, 1);
        sender.expectDone(tid, wrong, 1);
        if (Files.exists(dir(server).resolve("mismatch-again.bin"))) {
            throw ConformanceFailure.integrity(step("--dir after DONE 1", "--dir tras DONE 1"),
                    Text.of("no mismatch-again.bin", "ningún mismatch-again.bin"),
                    Text.of("the file is there", "el fichero está"));
        }
    }

    @Requirement(clause = "UT-7", points = 2)
    void refusesBadNames(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "names");
        Sender sender = sender(server);
        List<byte[]> names = new ArrayList<>();
        for (String name : List.of("../x", "a/b", "", ".", "..", "a\0b", ".hidden", "a b", "x\\y", "naïve.txt")) {
            names.add(name.getBytes(StandardCharsets.UTF_8));
        }
        names.add(new byte[] {'a', (byte) 0xFF, (byte) 0xFE});
        for (byte[] name : names) {
            int tid = random.nextInt();
            Text what = Text.format("START with name %s", "START con nombre %s", Bytes.render(name));
            Message reply = sender.startAnswer(tid, Datagrams.start(tid, 10, name), what);
            if (reply.type() != Datagrams.ERROR || reply.status() != Datagrams.BAD_NAME) {
                throw ConformanceFailure.wrongOutput(Sender.replyTo(what),
                        Datagrams.describe(Datagrams.error(tid, Datagrams.BAD_NAME)), Datagrams.describe(
                                reply.type() == Datagrams.ERROR ? Datagrams.error(tid, reply.status()) : Datagrams.startAck(tid)));
            }
        }
        String longest = "n".repeat(251) + ".bin";
        byte[] content = RandomBytes.of(random, 300);
        sender.transfer(random.nextInt(), longest, content);
        expectStored(dir, longest, content);
        List<String> stored = listing(dir);
        if (!stored.equals(List.of(longest))) {
            throw ConformanceFailure.integrity(step("--dir after the bad names", "--dir tras los nombres no válidos"),
                    Text.of("only the 255-byte name", "solo el nombre de 255 bytes"),
                    Text.of("it holds " + stored, "contiene " + stored));
        }
    }

    @Requirement(clause = "UT-7", points = 1)
    void refusesTooLarge(ServerUnderTest server, Random random) throws Exception {
        Sender sender = sender(server);
        record Case(long size, String name, int code) {}
        List<Case> cases = List.of(new Case(Datagrams.MAX_SIZE + 1, "big.bin", Datagrams.TOO_LARGE),
                new Case(-1L, "huge.bin", Datagrams.TOO_LARGE),
                new Case(Datagrams.MAX_SIZE + 1, "../big.bin", Datagrams.BAD_NAME),
                new Case(Datagrams.MAX_SIZE, "limit.bin", 0));
        for (Case c : cases) {
            int tid = random.nextInt();
            byte[] start = Datagrams.start(tid, c.size(), c.name());
            Message reply = sender.startAnswer(tid, start, Datagrams.describe(start));
            String expected = c.code() == 0 ? "START-ACK" : "ERROR code=" + c.code();
            String actual = reply.type() == Datagrams.START_ACK ? "START-ACK" : "ERROR code=" + reply.status();
            if (!expected.equals(actual)) {
                throw ConformanceFailure.wrongOutput(Sender.replyTo(Datagrams.describe(start)), Text.same(expected),
                        Text.same(actual));
            }
        }
    }

    @Requirement(clause = "UT-8", points = 2)
    void keysByAddressAndTid(ServerUnderTest server, Random random) throws Exception {
        int tid = random.nextInt();
        Sender alice = sender(server);
        Sender bob = sender(server);
        byte[] aliceContent = RandomBytes.of(random, 4 * 1024 + 1);
        byte[] bobContent = RandomBytes.of(random, 3 * 1024 + 500);
        alice.start(tid, "alice.bin", aliceContent.length);
        bob.start(tid, "bob.bin", bobContent.length);
        for (long seq = 0; seq < 5; seq++) {
            if (seq < 4) {
                bob.chunk(tid, bobContent, seq);
            }
            alice.chunk(tid, aliceContent, seq);
        }
        bob.expectDone(tid, Datagrams.sha256(bobContent), 0);
        alice.expectDone(tid, Datagrams.sha256(aliceContent), 0);
        expectStored(dir(server), "alice.bin", aliceContent);
        expectStored(dir(server), "bob.bin", bobContent);
    }

    @Requirement(clause = "UT-8", points = 1)
    void runsTwoTidsAtOnce(ServerUnderTest server, Random random) throws Exception {
        Sender sender = sender(server);
        int first = random.nextInt();
        int second = first + 1;
        byte[] one = RandomBytes.of(random, 3 * 1024);
        byte[] two = RandomBytes.of(random, 2 * 1024 + 7);
        sender.start(first, "first.bin", one.length);
        sender.start(second, "second.bin", two.length);
        for (long seq = 0; seq < 3; seq++) {
            sender.chunk(first, one, seq);
            sender.chunk(second, two, seq);
        }
        sender.expectDone(second, Datagrams.sha256(two), 0);
        sender.expectDone(first, Datagrams.sha256(one), 0);
        expectStored(dir(server), "first.bin", one);
        expectStored(dir(server), "second.bin", two);
    }

    @Requirement(clause = "UT-9", points = 2)
    void ignoresGarbage(ServerUnderTest server, Random random) throws Exception {
        Sender sender = sender(server);
        int unknown = random.nextInt();
        byte[] garbage = RandomBytes.of(random, 100);
        garbage[0] = (byte) 0xA5;
        List<byte[]> hostile = List.of(garbage, new byte[0], new byte[] {0x7F, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                Datagrams.startAck(unknown), Datagrams.ack(unknown, 0), Datagrams.done(unknown, 0),
                Datagrams.error(unknown, 1), Datagrams.data(unknown, 0, RandomBytes.of(random, 1024)),
                Datagrams.end(unknown, Datagrams.sha256(new byte[0])));
        for (byte[] datagram : hostile) {
            sender.probe().send(datagram);
        }
        int tid = unknown + 1;
        sender.expectNothingBefore(Datagrams.start(tid, 1500, "after-garbage.bin"),
                step("the replies after garbage, an empty datagram, an unknown type, replies sent to the server, and DATA and END of an unknown tid",
                        "las respuestas tras basura, un datagrama vacío, un tipo desconocido, respuestas enviadas al servidor, y DATA y END de un tid desconocido"),
                Text.same("START-ACK"), m -> m.type() == Datagrams.START_ACK && m.tid() == tid);
        server.expectAlive(step("after the hostile datagrams", "tras los datagramas hostiles"));
        byte[] content = RandomBytes.of(random, 1500);
        sender.chunks(tid, content);
        sender.expectDone(tid, Datagrams.sha256(content), 0);
        expectStored(dir(server), "after-garbage.bin", content);
    }

    /**
     * UT-10's files at one loss rate: 8 MiB only without loss, where a server too slow to keep up with a window of
     * chunks would show; under loss 1 KiB and 1 MiB already lose, duplicate and reorder hundreds of datagrams.
     */
    private static int[] crossSizes(double loss) {
        return loss == 0 ? new int[] {1024, 1 << 20, 8 << 20} : new int[] {1024, 1 << 20};
    }

    /** One file on its way from the reference client, through its own relay, watched under its final name. */
    private record CrossRun(byte[] content, Path stored, Text step, LossyRelay relay, Crossing.FinalNameWatch watch,
                            RunningProgram client) {
    }

    /** UT-10 at one loss rate: the reference client sends every file of {@link #crossSizes} at once, through the relay. */
    private static void crossTest(ServerUnderTest server, ReferencePeer reference, Random random, double loss)
            throws Exception {
        Path inputs = reference.newFolder("inputs");
        int[] sizes = crossSizes(loss);
        List<CrossRun> runs = new ArrayList<>();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            for (int size : sizes) {
                byte[] content = RandomBytes.of(random, size);
                String name = "cross-" + Math.round(loss * 100) + "-" + size + ".bin";
                Path input = Files.write(inputs.resolve(name), content);
                Path stored = dir(server).resolve(name);
                Text step = step("the reference client sending " + size + " bytes through the relay at " + Crossing.percent(loss) + " loss",
                        "el cliente de referencia enviando " + size + " bytes por el relé con " + Crossing.percent(loss) + " de pérdida");
                LossyRelay relay = Crossing.relayTo(server.port(), loss, random.nextLong());
                opened.add(relay);
                Crossing.FinalNameWatch watch = new Crossing.FinalNameWatch(stored, size);
                opened.add(watch);
                RunningProgram client = reference.startClient(List.of("--host", "127.0.0.1",
                        "--port", Integer.toString(relay.port()), "send", input.toString(), name));
                runs.add(new CrossRun(content, stored, step, relay, watch, client));
            }
            long deadline = System.nanoTime()
                    + Crossing.deadline(server.timeouts(), Arrays.stream(sizes).max().orElse(0), loss).toNanos();
            for (CrossRun run : runs) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                Crossing.expectSentOk(run.client(), Text.of("the reference client", "el cliente de referencia"), run.content(), left, run.relay(), run.step());
                run.watch().verify(run.relay(), run.step());
                Crossing.expectStored(run.stored(), run.content(), run.step(), run.relay());
            }
        } finally {
            for (AutoCloseable closeable : opened) {
                closeable.close();
            }
        }
        for (CrossRun run : runs) {
            Files.deleteIfExists(run.stored());
        }
    }

    @Requirement(clause = "UT-10", points = 1)
    void crossTestAt00Percent(ServerUnderTest server, ReferencePeer reference, Random random) throws Exception {
        crossTest(server, reference, random, 0.0);
    }

    @Requirement(clause = "UT-10", points = 1)
    void crossTestAt10Percent(ServerUnderTest server, ReferencePeer reference, Random random) throws Exception {
        crossTest(server, reference, random, 0.1);
    }

    @Requirement(clause = "UT-10", points = 1)
    void crossTestAt30Percent(ServerUnderTest server, ReferencePeer reference, Random random) throws Exception {
        crossTest(server, reference, random, 0.3);
    }
}
