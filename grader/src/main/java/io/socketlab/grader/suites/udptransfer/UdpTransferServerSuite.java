package io.socketlab.grader.suites.udptransfer;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.network.LossyRelay;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.DatagramProbe;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.ReferencePeer;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.suites.udptransfer.Datagrams.Message;
import io.socketlab.grader.process.Readiness;
import io.socketlab.grader.process.RunningProgram;
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
@ExerciseSuite(exercise = "udp-transfer", program = Program.SERVER, readiness = Readiness.UDP,
        serverArguments = {"--dir", "{data}"})
class UdpTransferServerSuite {

    private static Text step(String en, String es) {
        return Text.of(en, es);
    }

    private static Sender sender(ServerUnderTest server) throws Exception {
        return new Sender(server.datagrams(), server.timeouts());
    }

    private static byte[] random(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Restarts the server on a new, empty folder; returns the folder. */
    private static Path useDir(ServerUnderTest server, String name) throws Exception {
        Path dir = Files.createDirectories(server.dataDir().resolve(name));
        server.restartWith(List.of("--dir", dir.toString()));
        return dir;
    }

    /** The --dir of the running server: tests that need an empty folder restart it on one of their own. */
    private static Path dir(ServerUnderTest server) {
        List<String> commandLine = server.program().commandLine();
        int flag = commandLine.lastIndexOf("--dir");
        return Path.of(commandLine.get(flag + 1));
    }

    /** Fails unless {@code dir/name} holds exactly {@code content} (waiting briefly for it to appear). */
    private static void expectStored(Path dir, String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Text step = step("the stored " + name, "el " + name + " guardado");
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .atMost(Duration.ofSeconds(2)).until(() -> Files.isRegularFile(file) && Files.size(file) == content.length);
        } catch (ConditionTimeoutException e) {
            String actual = Files.isRegularFile(file) ? Files.size(file) + " bytes" : "no such file";
            throw ConformanceFailure.integrity(step, "a file " + name + " of " + content.length + " bytes in --dir after DONE 0",
                    Text.of(actual, Files.isRegularFile(file) ? Files.size(file) + " bytes" : "no existe"));
        }
        byte[] stored = Files.readAllBytes(file);
        if (!Arrays.equals(stored, content)) {
            throw ConformanceFailure.integrity(step, name + " with the " + content.length + " bytes sent",
                    Bytes.describeDifference(content, stored));
        }
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Baseline
    @Requirement(clause = "UT-1", points = 3)
    void storesOneChunk(ServerUnderTest server, Random random) throws Exception {
        byte[] content = random(random, 1024);
        int tid = random.nextInt();
        Sender sender = sender(server);
        sender.transfer(tid, "baseline.bin", content);
        expectStored(dir(server), "baseline.bin", content);
    }

    @Requirement(clause = "UT-2", points = 2)
    void storesEverySize(ServerUnderTest server, Random random) throws Exception {
        Sender sender = sender(server);
        for (int size : new int[] {0, 1, 1025, 1 << 20}) {
            byte[] content = random(random, size);
            String name = "size-" + size + ".bin";
            sender.transfer(random.nextInt(), name, content);
            expectStored(dir(server), name, content);
        }
    }

    @Requirement(clause = "UT-2", points = 1)
    void echoesTidAndSeq(ServerUnderTest server, Random random) throws Exception {
        DatagramProbe probe = server.datagrams();
        int tid = 0x80000000 | random.nextInt();
        byte[] content = random(random, 5 * 1024 + 3);
        Sender sender = new Sender(probe, server.timeouts());
        sender.start(tid, "echoed.bin", content.length);
        for (long seq : new long[] {3, 0, 5, 1, 4, 2}) {
            probe.send(Datagrams.data(tid, seq, Datagrams.chunk(content, seq)));
            byte[] expected = Datagrams.ack(tid, seq);
            Text what = step("the ACK of DATA seq " + seq, "el ACK de DATA seq " + seq);
            byte[] reply = probe.expectDatagram(what, Datagrams.describe(expected));
            if (!Arrays.equals(reply, expected)) {
                throw ConformanceFailure.wrongOutput(what, Datagrams.describe(expected) + " = " + Bytes.render(expected),
                        Datagrams.describe(reply) + " = " + Bytes.render(reply));
            }
        }
    }

    @Requirement(clause = "UT-3", points = 2)
    void repeatedStartChangesNothing(ServerUnderTest server, Random random) throws Exception {
        byte[] content = random(random, 3 * 1024 - 100);
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
        byte[] content = random(random, 3 * 1024 + 10);
        int tid = random.nextInt();
        Sender sender = sender(server);
        sender.start(tid, "duplicates.bin", content.length);
        for (long seq : new long[] {0, 0, 1, 2, 1, 3, 3, 0}) {
            sender.chunk(tid, content, seq);
        }
        sender.expectDone(tid, Datagrams.sha256(content), 0);
        expectStored(dir(server), "duplicates.bin", content);
    }

    @Requirement(clause = "UT-4", points = 2)
    void ignoresInvalidData(ServerUnderTest server, Random random) throws Exception {
        byte[] content = random(random, 3 * 1024 - 24);
        int tid = random.nextInt();
        Sender sender = sender(server);
        sender.start(tid, "invalid-data.bin", content.length);
        sender.chunk(tid, content, 0);
        sender.chunk(tid, content, 1);
        byte[] junk = random(random, 1100);
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
                "ACK seq=1", m -> m.type() == Datagrams.ACK && m.tid() == tid && m.seq() == 1);
        sender.chunk(tid, content, 2);
        sender.expectDone(tid, Datagrams.sha256(content), 0);
        expectStored(dir(server), "invalid-data.bin", content);
    }

    @Requirement(clause = "UT-5", points = 2)
    void ignoresEarlyEnd(ServerUnderTest server, Random random) throws Exception {
        byte[] content = random(random, 3 * 1024);
        int tid = random.nextInt();
        Sender sender = sender(server);
        sender.start(tid, "early-end.bin", content.length);
        sender.chunk(tid, content, 0);
        sender.chunk(tid, content, 1);
        sender.probe().send(Datagrams.end(tid, Datagrams.sha256(content)));
        sender.expectSilence(step("the reply to END while chunk 2 is missing", "la respuesta a END mientras falta el trozo 2"),
                "END while chunks are missing is ignored", server.timeouts().seconds(1));
        sender.chunk(tid, content, 2);
        sender.expectDone(tid, Datagrams.sha256(content), 0);
        expectStored(dir(server), "early-end.bin", content);
    }

    @Requirement(clause = "UT-5", points = 1)
    void repeatsDone(ServerUnderTest server, Random random) throws Exception {
        byte[] content = random(random, 2000);
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
        byte[] content = random(random, 2500);
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
            throw ConformanceFailure.integrity(step("--dir after DONE 1", "--dir tras DONE 1"), "an empty folder",
                    Text.of("it holds " + listing(dir), "contiene " + listing(dir)));
        }
    }

    @Requirement(clause = "UT-6", points = 1)
    void repeatsDoneOne(ServerUnderTest server, Random random) throws Exception {
        byte[] content = random(random, 1500);
        int tid = random.nextInt();
        Sender sender = sender(server);
        sender.start(tid, "mismatch-again.bin", content.length);
        sender.chunks(tid, content);
        byte[] wrong = Datagrams.sha256(new byte[0]);
        sender.expectDone(tid, wrong, 1);
        sender.expectDone(tid, wrong, 1);
        if (Files.exists(dir(server).resolve("mismatch-again.bin"))) {
            throw ConformanceFailure.integrity(step("--dir after DONE 1", "--dir tras DONE 1"), "no mismatch-again.bin",
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
            String what = "START with name " + Bytes.render(name);
            Message reply = sender.startAnswer(tid, Datagrams.start(tid, 10, name), what);
            if (reply.type() != Datagrams.ERROR || reply.status() != Datagrams.BAD_NAME) {
                throw ConformanceFailure.wrongOutput(step("the reply to " + what, "la respuesta a " + what),
                        "ERROR tid=" + Integer.toUnsignedString(tid) + " code=1", Datagrams.describe(
                                reply.type() == Datagrams.ERROR ? Datagrams.error(tid, reply.status()) : Datagrams.startAck(tid)));
            }
        }
        String longest = "n".repeat(251) + ".bin";
        byte[] content = random(random, 300);
        sender.transfer(random.nextInt(), longest, content);
        expectStored(dir, longest, content);
        List<String> stored = listing(dir);
        if (!stored.equals(List.of(longest))) {
            throw ConformanceFailure.integrity(step("--dir after the bad names", "--dir tras los nombres no válidos"),
                    "only the 255-byte name", Text.of("it holds " + stored, "contiene " + stored));
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
            String what = "START size=" + Long.toUnsignedString(c.size()) + " name=\"" + c.name() + "\"";
            Message reply = sender.startAnswer(tid, Datagrams.start(tid, c.size(), c.name()), what);
            String expected = c.code() == 0 ? "START-ACK" : "ERROR code=" + c.code();
            String actual = reply.type() == Datagrams.START_ACK ? "START-ACK" : "ERROR code=" + reply.status();
            if (!expected.equals(actual)) {
                throw ConformanceFailure.wrongOutput(step("the reply to " + what, "la respuesta a " + what), expected, actual);
            }
        }
    }

    @Requirement(clause = "UT-8", points = 2)
    void keysByAddressAndTid(ServerUnderTest server, Random random) throws Exception {
        int tid = random.nextInt();
        Sender alice = sender(server);
        Sender bob = sender(server);
        byte[] aliceContent = random(random, 4 * 1024 + 1);
        byte[] bobContent = random(random, 3 * 1024 + 500);
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
        byte[] one = random(random, 3 * 1024);
        byte[] two = random(random, 2 * 1024 + 7);
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
        byte[] garbage = random(random, 100);
        garbage[0] = (byte) 0xA5;
        List<byte[]> hostile = List.of(garbage, new byte[0], new byte[] {0x7F, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                Datagrams.startAck(unknown), Datagrams.ack(unknown, 0), Datagrams.done(unknown, 0),
                Datagrams.error(unknown, 1), Datagrams.data(unknown, 0, random(random, 1024)),
                Datagrams.end(unknown, Datagrams.sha256(new byte[0])));
        for (byte[] datagram : hostile) {
            sender.probe().send(datagram);
        }
        int tid = unknown + 1;
        sender.expectNothingBefore(Datagrams.start(tid, 1500, "after-garbage.bin"),
                step("the replies after garbage, an empty datagram, an unknown type, replies sent to the server, and DATA and END of an unknown tid",
                        "las respuestas tras basura, un datagrama vacío, un tipo desconocido, respuestas enviadas al servidor, y DATA y END de un tid desconocido"),
                "START-ACK", m -> m.type() == Datagrams.START_ACK && m.tid() == tid);
        server.expectAlive(step("after the hostile datagrams", "tras los datagramas hostiles"));
        byte[] content = random(random, 1500);
        sender.chunks(tid, content);
        sender.expectDone(tid, Datagrams.sha256(content), 0);
        expectStored(dir(server), "after-garbage.bin", content);
    }

    @Requirement(clause = "UT-9", points = 1)
    void ignoresTruncated(ServerUnderTest server, Random random) throws Exception {
        Sender sender = sender(server);
        int tid = random.nextInt();
        byte[] content = random(random, 2048 + 100);
        sender.start(tid, "truncated.bin", content.length);
        sender.chunks(tid, content);
        byte[] start = Datagrams.start(tid + 1, 4000, "other.bin");
        byte[] data = Datagrams.data(tid, 2, Datagrams.chunk(content, 2));
        byte[] end = Datagrams.end(tid, Datagrams.sha256(content));
        for (byte[] whole : List.of(start, data, end)) {
            for (int length = 1; length < (whole == data ? 10 : whole.length); length++) {
                sender.probe().send(Arrays.copyOf(whole, length));
            }
        }
        sender.expectNothingBefore(end, step("the replies after every prefix of a START, a DATA and an END",
                        "las respuestas tras cada prefijo de un START, un DATA y un END"),
                "DONE status=0", m -> m.type() == Datagrams.DONE && m.tid() == tid && m.status() == 0);
        expectStored(dir(server), "truncated.bin", content);
    }

    /** UT-10 at one loss rate: the reference client sends 1 KiB, 1 MiB and 8 MiB through the relay. */
    private static void crossTest(ServerUnderTest server, ReferencePeer reference, Random random, double loss)
            throws Exception {
        Path inputs = reference.newFolder("inputs");
        for (int size : new int[] {1024, 1 << 20, 8 << 20}) {
            byte[] content = random(random, size);
            String name = "cross-" + Math.round(loss * 100) + "-" + size + ".bin";
            Path input = Files.write(inputs.resolve(name), content);
            Path stored = dir(server).resolve(name);
            Text step = step("the reference client sending " + size + " bytes through the relay at " + Crossing.percent(loss) + " loss",
                    "el cliente de referencia enviando " + size + " bytes por el relé con " + Crossing.percent(loss) + " de pérdida");
            try (LossyRelay relay = Crossing.relayTo(server.port(), loss, random.nextLong());
                 Crossing.FinalNameWatch watch = new Crossing.FinalNameWatch(stored, size)) {
                RunningProgram client = reference.startClient(List.of("--host", "127.0.0.1",
                        "--port", Integer.toString(relay.port()), "send", input.toString(), name));
                Crossing.expectSentOk(client, "the reference client", content,
                        Crossing.deadline(server.timeouts(), size, loss), relay, step);
                watch.verify(relay, step);
                Crossing.expectStored(stored, content, step, relay);
            }
            Files.deleteIfExists(stored);
            Files.deleteIfExists(input);
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
