package io.socketlab.grader.suites.udptransfer;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.network.Direction;
import io.socketlab.grader.network.LossyRelay;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeUdpServer;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.GradingExtension;
import io.socketlab.grader.conformance.ReferencePeer;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.suites.udptransfer.Datagrams.Message;
import io.socketlab.grader.process.Readiness;
import io.socketlab.grader.process.RunningProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.TestReporter;

/** The udp-transfer client against the grader's scripted server, and against the reference server through the relay. */
@ExerciseSuite(exercise = "udp-transfer", program = Program.CLIENT)
class UdpTransferClientSuite {

    private static final Text EXIT = Text.of("the client's exit code", "el código de salida del cliente");
    private static final Text OUTPUT = Text.of("the client's stdout", "la salida estándar del cliente");
    private static final Text UPLOAD = Text.of("the file the client sent", "el fichero que envió el cliente");
    /** The grader's silence in UT-12: longer than any sensible single timeout, well under the contract's 10 s. */
    private static final Duration SILENCE = Duration.ofSeconds(3);

    private static byte[] random(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Runs {@code send FILE [NAME]} against {@code receiver}, expects OK and exit 0, and checks what arrived. */
    private static FakeUdpServer sendsThrough(ClientUnderTest client, Receiver receiver, byte[] content, String fileName,
                                              String name) throws Exception {
        Path file = Files.write(client.files().resolve(fileName), content);
        FakeUdpServer fake = client.fakeUdpServer(receiver);
        List<String> arguments = new ArrayList<>(List.of("send", file.toString()));
        if (name != null) {
            arguments.add(name);
        }
        ClientResult result = client.start(fake.port(), arguments)
                .awaitExit(Text.of("waiting for the client to exit", "esperando a que el cliente termine"),
                        client.timeouts().seconds(20));
        if (fake.received().isEmpty()) {
            throw ConformanceFailure.crashed(UPLOAD, "datagrams to 127.0.0.1:" + fake.port(),
                    Text.of("none; the client ended with exit code " + result.exitCode() + stderr(result),
                            "ninguno; el cliente terminó con código " + result.exitCode() + stderr(result)));
        }
        result.expectStdoutLines(OUTPUT, List.of("OK " + Datagrams.sha256Hex(content))).expectExitCode(EXIT, 0);
        expectReceived(receiver, content, name != null ? name : fileName);
        return fake;
    }

    private static String stderr(ClientResult result) {
        return result.stderr().isBlank() ? "" : " (stderr: " + Bytes.quote(result.stderr().strip()) + ")";
    }

    private static void expectReceived(Receiver receiver, byte[] content, String name) {
        Message start = receiver.start().orElseThrow(() -> ConformanceFailure.wrongOutput(UPLOAD, "a START", "no START"));
        if (!start.nameText().equals(name) || start.size() != content.length) {
            throw ConformanceFailure.wrongOutput(UPLOAD, "START size=" + content.length + " name=\"" + name + "\"",
                    "START size=" + start.size() + " name=" + Bytes.quote(start.nameText()));
        }
        byte[] received = receiver.content().orElseThrow(() -> ConformanceFailure.integrity(UPLOAD,
                "every chunk of the " + content.length + "-byte file", Text.of("some chunks never came", "algunos trozos no llegaron")));
        if (!Arrays.equals(received, content)) {
            throw ConformanceFailure.integrity(UPLOAD, "the file's " + content.length + " bytes",
                    Bytes.describeDifference(content, received));
        }
    }

    private static void expectRepeated(Receiver receiver, int type, int atLeast, String what, String whatEs) {
        if (receiver.count(type) < atLeast) {
            throw ConformanceFailure.wrongOutput(Text.of("the client's " + what, "los " + whatEs + " del cliente"),
                    "at least " + atLeast + " " + what, receiver.count(type) + " " + what);
        }
    }

    @Baseline
    @Requirement(clause = "UT-11", points = 3)
    void sendsAFile(ClientUnderTest client, Random random) throws Exception {
        byte[] content = random(random, 1500);
        FakeUdpServer fake = sendsThrough(client, new Receiver(), content, "baseline.bin", null);
        for (byte[] datagram : fake.received()) {
            // Only the file's two chunks: DATA out of range is UT-14's concern, not the baseline's.
            Optional<Message> data = Datagrams.decode(datagram).filter(m -> m.type() == Datagrams.DATA && m.seq() < 2);
            int expected = data.map(m -> m.seq() == 0 ? 1024 : 476).orElse(0);
            if (data.isPresent() && data.get().payload().length != expected) {
                throw ConformanceFailure.wrongOutput(UPLOAD, "DATA seq " + data.get().seq() + " of " + expected + " bytes",
                        Datagrams.describe(datagram));
            }
        }
    }

    @Requirement(clause = "UT-12", points = 1)
    void repeatsStart(ClientUnderTest client, Random random) throws Exception {
        Receiver receiver = new Receiver().withholding(seen -> seen.is(Datagrams.START) && seen.occurrence() == 1);
        sendsThrough(client, receiver, random(random, 3000), "start-lost.bin", null);
        expectRepeated(receiver, Datagrams.START, 2, "STARTs", "START");
    }

    @Requirement(clause = "UT-12", points = 1)
    void repeatsLastData(ClientUnderTest client, Random random) throws Exception {
        Receiver receiver = new Receiver().withholding(seen -> seen.is(Datagrams.DATA)
                && seen.message().seq() == seen.lastSeq() && seen.occurrence() == 1);
        byte[] content = random(random, 5 * 1024 + 11);
        FakeUdpServer fake = sendsThrough(client, receiver, content, "ack-lost.bin", "renamed.bin");
        long lastSent = fake.received().stream().map(Datagrams::decode).flatMap(Optional::stream)
                .filter(m -> m.type() == Datagrams.DATA && m.seq() == 5).count();
        if (lastSent < 2) {
            throw ConformanceFailure.wrongOutput(Text.of("the client's DATA seq 5", "los DATA seq 5 del cliente"),
                    "DATA seq 5 sent again after its ACK was lost", lastSent + " DATA seq 5");
        }
    }

    @Requirement(clause = "UT-12", points = 1)
    void repeatsEnd(ClientUnderTest client, Random random) throws Exception {
        Receiver receiver = new Receiver().withholding(seen -> seen.is(Datagrams.END) && seen.occurrence() == 1);
        sendsThrough(client, receiver, random(random, 2048), "done-lost.bin", null);
        expectRepeated(receiver, Datagrams.END, 2, "ENDs", "END");
    }

    @Requirement(clause = "UT-12", points = 1)
    void survivesSilence(ClientUnderTest client, Random random) throws Exception {
        AtomicLong firstData = new AtomicLong(-1);
        Receiver receiver = new Receiver().withholding(seen -> {
            if (seen.is(Datagrams.START)) {
                return false;
            }
            long now = System.nanoTime();
            firstData.compareAndSet(-1, now);
            return now - firstData.get() < SILENCE.toNanos();
        });
        sendsThrough(client, receiver, random(random, 4 * 1024), "silence.bin", null);
    }

    /** UT-13 and UT-17: the client under test sending one file to the reference server through the relay. */
    private record Crossed(byte[] content, String name, RunningProgram program, LossyRelay relay) {}

    private static List<Crossed> sendToReference(ClientUnderTest client, int serverPort, Random random, double loss,
                                                 int[] sizes) throws Exception {
        List<Crossed> runs = new ArrayList<>();
        try {
            for (int size : sizes) {
                byte[] content = random(random, size);
                String name = "cross-" + Math.round(loss * 100) + "-" + size + ".bin";
                Path file = Files.write(client.files().resolve(name), content);
                LossyRelay relay = Crossing.relayTo(serverPort, loss, random.nextLong());
                try {
                    runs.add(new Crossed(content, name,
                            client.start(relay.port(), List.of("send", file.toString())).program(), relay));
                } catch (RuntimeException e) {
                    relay.close();
                    throw e;
                }
            }
            return runs;
        } catch (Exception e) {
            runs.forEach(run -> run.relay().close());
            throw e;
        }
    }

    private static void crossTest(ClientUnderTest client, ReferencePeer reference, Random random, double loss,
                                  int[] sizes) throws Exception {
        Path dir = reference.newFolder("store");
        ReferencePeer.Server server = reference.startServer(List.of("--dir", dir.toString()), Readiness.UDP);
        List<Crossed> runs = sendToReference(client, server.port(), random, loss, sizes);
        try {
            long deadline = System.nanoTime()
                    + Crossing.deadline(client.timeouts(), Arrays.stream(sizes).max().orElse(0), loss).toNanos();
            for (Crossed run : runs) {
                Text step = Text.of("sending " + run.content().length + " bytes to the reference server through the relay at "
                                + Crossing.percent(loss) + " loss",
                        "enviando " + run.content().length + " bytes al servidor de referencia por el relé con "
                                + Crossing.percent(loss) + " de pérdida");
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                Crossing.expectSentOk(run.program(), "the client", run.content(), left, run.relay(), step);
                Crossing.expectStored(dir.resolve(run.name()), run.content(), step, run.relay());
            }
            if (!server.program().isAlive()) {
                throw new HarnessException("the reference server exited during the cross-test: "
                        + server.program().stderr().tailText(300));
            }
        } finally {
            runs.forEach(run -> run.relay().close());
        }
    }

    /** At 10 % and 30 % a client without a window needs about one timeout per lost datagram: sizes stay small. */
    private static final int[] ALL_SIZES = {0, 1, 1024, 1025, 1 << 20, 8 << 20};
    private static final int[] SMALL_SIZES = {0, 1, 1024, 1025, 16 * 1024};

    @Requirement(clause = "UT-13", points = 1)
    void crossTestAt00Percent(ClientUnderTest client, ReferencePeer reference, Random random) throws Exception {
        crossTest(client, reference, random, 0.0, ALL_SIZES);
    }

    @Requirement(clause = "UT-13", points = 1)
    void crossTestAt10Percent(ClientUnderTest client, ReferencePeer reference, Random random) throws Exception {
        crossTest(client, reference, random, 0.1, SMALL_SIZES);
    }

    @Requirement(clause = "UT-13", points = 2)
    void crossTestAt30Percent(ClientUnderTest client, ReferencePeer reference, Random random) throws Exception {
        crossTest(client, reference, random, 0.3, SMALL_SIZES);
    }

    @Requirement(clause = "UT-14", points = 2)
    void keepsDatagramDiscipline(ClientUnderTest client, Random random) throws Exception {
        Receiver receiver = new Receiver().withholding(seen -> seen.is(Datagrams.DATA)
                && seen.message().seq() % 3 == 1 && seen.occurrence() == 1);
        byte[] content = random(random, 10 * 1024 + 7);
        FakeUdpServer fake = sendsThrough(client, receiver, content, "discipline.bin", null);
        long chunks = Datagrams.chunks(content.length);
        Integer tid = null;
        for (byte[] datagram : fake.received()) {
            Optional<Message> decoded = Datagrams.decode(datagram);
            String problem = null;
            if (datagram.length > Datagrams.MAX_DATAGRAM) {
                problem = "a datagram of " + datagram.length + " bytes";
            } else if (decoded.isEmpty() || decoded.get().type() > Datagrams.END) {
                problem = Datagrams.describe(datagram);
            } else {
                Message m = decoded.get();
                tid = tid == null ? m.tid() : tid;
                int expectedLength = m.seq() == chunks - 1 ? 7 : 1024;
                if (m.tid() != tid) {
                    problem = Datagrams.describe(datagram) + " after tid=" + Integer.toUnsignedString(tid);
                } else if (m.type() == Datagrams.DATA && (m.seq() >= chunks || m.payload().length != expectedLength)) {
                    problem = Datagrams.describe(datagram) + " (the file has " + chunks + " chunks, the last of 7 bytes)";
                }
            }
            if (problem != null) {
                throw ConformanceFailure.wrongOutput(UPLOAD,
                        "datagrams of at most 1472 bytes: START, DATA of 1024 bytes (the last 7) with seq < 11, END; one tid",
                        problem);
            }
        }
    }

    @Requirement(clause = "UT-15", points = 1)
    void exitsOneOnDoneOne(ClientUnderTest client, Random random) throws Exception {
        Path file = Files.write(client.files().resolve("refused.bin"), random(random, 1200));
        FakeUdpServer fake = client.fakeUdpServer(new Receiver().doneWith(1));
        client.start(fake.port(), List.of("send", file.toString()))
                .awaitExit(Text.of("waiting for the client to exit", "esperando a que el cliente termine"), client.timeouts().seconds(20))
                .expectExitCode(Text.of("the exit code after DONE status 1", "el código de salida tras DONE con estado 1"), 1)
                .expectErrorLine(Text.of("stderr after DONE status 1", "stderr tras DONE con estado 1"));
    }

    @Requirement(clause = "UT-15", points = 1)
    void exitsOneOnError(ClientUnderTest client, Random random) throws Exception {
        Path file = Files.write(client.files().resolve("error.bin"), random(random, 100));
        for (int code : new int[] {Datagrams.BAD_NAME, Datagrams.TOO_LARGE}) {
            FakeUdpServer fake = client.fakeUdpServer(new Receiver().refusingWith(code));
            client.start(fake.port(), List.of("send", file.toString()))
                    .awaitExit(Text.of("waiting for the client to exit", "esperando a que el cliente termine"), client.timeouts().seconds(20))
                    .expectExitCode(Text.of("the exit code after ERROR code " + code, "el código de salida tras ERROR código " + code), 1)
                    .expectErrorLine(Text.of("stderr after ERROR code " + code, "stderr tras ERROR código " + code));
        }
    }

    @Requirement(clause = "UT-16", points = 1)
    void givesUpAfterSilence(ClientUnderTest client, Random random) throws Exception {
        Path file = Files.write(client.files().resolve("unanswered.bin"), random(random, 100));
        Receiver silent = new Receiver().withholding(seen -> true);
        FakeUdpServer fake = client.fakeUdpServer(silent);
        ClientUnderTest.Run run = client.start(fake.port(), List.of("send", file.toString()));
        ClientResult result = run.awaitExit(Text.of("waiting for the client to give up", "esperando a que el cliente se rinda"),
                client.timeouts().seconds(25));
        long exitedNanos = System.nanoTime();
        result.expectExitCode(Text.of("the exit code after 10 s of silence", "el código de salida tras 10 s de silencio"), 2)
                .expectErrorLine(Text.of("stderr after 10 s of silence", "stderr tras 10 s de silencio"));
        if (fake.received().isEmpty()) {
            throw ConformanceFailure.wrongOutput(UPLOAD, "a START", "no datagram at all");
        }
        double waited = (exitedNanos - silent.firstNanos()) / 1e9;
        if (waited < 9) {
            throw new ConformanceFailure(FailureKind.WRONG_OUTPUT,
                    Text.of("how long the client waited for a reply", "cuánto esperó el cliente una respuesta"),
                    "at least 9 s (the contract says 10 s)",
                    Text.same(String.format(Locale.ROOT, "%.1f s", waited)), null);
        }
    }

    @Requirement(clause = "UT-16", points = 1)
    void exitsTwoOnUsageErrors(ClientUnderTest client) throws Exception {
        FakeUdpServer fake = client.fakeUdpServer(new Receiver());
        String absent = client.files().resolve("absent.bin").toString();
        for (List<String> arguments : List.of(List.of("send"), List.of("send", absent))) {
            client.start(fake.port(), arguments)
                    .awaitExit(Text.of("waiting for the client to exit", "esperando a que el cliente termine"), client.timeouts().seconds(15))
                    .expectExitCode(Text.of("the exit code for " + arguments, "el código de salida con " + arguments), 2)
                    .expectErrorLine(Text.of("stderr for " + arguments, "stderr con " + arguments));
        }
    }

    @Requirement(clause = "UT-17", points = 0, level = Level.INFO)
    void measuresGoodput(ClientUnderTest client, ReferencePeer reference, Random random, TestReporter reporter)
            throws Exception {
        Path dir = reference.newFolder("measure");
        ReferencePeer.Server server = reference.startServer(List.of("--dir", dir.toString()), Readiness.UDP);
        List<String> en = new ArrayList<>();
        List<String> es = new ArrayList<>();
        for (double loss : Crossing.LOSS_RATES) {
            Crossed run = sendToReference(client, server.port(), random, loss, new int[] {8 << 20}).get(0);
            try (LossyRelay relay = run.relay()) {
                Duration limit = client.timeouts().seconds(20);
                OptionalInt exit = run.program().awaitExit(limit);
                String label = String.format(Locale.ROOT, "%4s loss", Crossing.percent(loss));
                if (exit.isEmpty() || exit.getAsInt() != 0) {
                    run.program().close();
                    String why = exit.isEmpty() ? String.format(Locale.ROOT, "not done within %.0f s", limit.toMillis() / 1000.0)
                            : "exit code " + exit.getAsInt();
                    en.add(label + ": " + why + " (relay seed " + relay.seed() + ")");
                    es.add(label.replace("loss", "pérdida") + ": " + why.replace("not done within", "sin terminar en")
                            .replace("exit code", "código de salida") + " (semilla del relé " + relay.seed() + ")");
                    continue;
                }
                List<io.socketlab.grader.network.RelayLog.Event> toServer = relay.log().events().stream()
                        .filter(e -> e.direction() == Direction.TO_SERVER).toList();
                long first = toServer.get(0).atNanos();
                long last = relay.log().events().stream().filter(e -> e.direction() == Direction.TO_CLIENT)
                        .mapToLong(io.socketlab.grader.network.RelayLog.Event::atNanos).max().orElse(first);
                double seconds = Math.max(1e-3, (last - first) / 1e9);
                double goodput = run.content().length / (double) (1 << 20) / seconds;
                double overhead = relay.log().bytes(Direction.TO_SERVER) / (double) run.content().length;
                en.add(String.format(Locale.ROOT, "%s: %6.2f MiB/s goodput, %.3f bytes sent per byte delivered (%.2f s, relay seed %d)",
                        label, goodput, overhead, seconds, relay.seed()));
                es.add(String.format(Locale.ROOT, "%s: %6.2f MiB/s útiles, %.3f bytes enviados por byte entregado (%.2f s, semilla del relé %d)",
                        label.replace("loss", "pérdida"), goodput, overhead, seconds, relay.seed()));
                Files.deleteIfExists(dir.resolve(run.name()));
            }
        }
        reporter.publishEntry(Map.of(GradingExtension.MEASUREMENT_ENTRY, String.join("\n", en),
                GradingExtension.MEASUREMENT_ENTRY_ES, String.join("\n", es)));
    }
}
