package io.socketlab.grader.suites.udptransfer;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.RandomBytes;
import io.socketlab.grader.conformance.ReferencePeer;
import io.socketlab.grader.conformance.ReportEntries;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.network.Direction;
import io.socketlab.grader.network.LossyRelay;
import io.socketlab.grader.network.RelayLog;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeUdpServer;
import io.socketlab.grader.process.Readiness;
import io.socketlab.grader.process.RunningProgram;
import io.socketlab.grader.suites.udptransfer.Datagrams.Message;
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
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.TestReporter;

/** The udp-transfer client against the grader's scripted server, and against the reference server through the relay. */
@ExerciseSuite(exercise = "udp-transfer", program = Program.CLIENT)
class UdpTransferClientSuite {

    private static final Text EXIT = Text.of("the client's exit code", "el código de salida del cliente");
    private static final Text OUTPUT = Text.of("the client's stdout", "la salida estándar del cliente");
    private static final Text UPLOAD = Text.of("the file the client sent", "el fichero que envió el cliente");
    private static final Text A_START = Text.of("a START", "un START");
    private static final Text NO_DATAGRAM = Text.of("no datagram at all", "ningún datagrama");
    /** The grader's silence in UT-12: longer than any sensible single timeout, well under the contract's 10 s. */
    private static final Duration SILENCE = Duration.ofSeconds(3);

    /** Runs {@code send FILE [NAME]} against {@code receiver}, expects OK and exit 0, and checks what arrived. */
    private static FakeUdpServer sendsThrough(ClientUnderTest client, Receiver receiver, byte[] content, String fileName,
                                              String name) throws Exception {
        return sendsThrough(client, receiver, content, fileName, name, fake -> { });
    }

    /** What the datagrams the client sent must show, checked before its output: the cause comes first. */
    @FunctionalInterface
    private interface WireCheck {
        void check(FakeUdpServer fake);
    }

    /**
     * {@link #sendsThrough(ClientUnderTest, Receiver, byte[], String, String)}, checking {@code wire} as soon as the
     * client has exited: a client that never sent a lost chunk again ends without OK, and the missing retransmission
     * is what a student must read first.
     */
    private static FakeUdpServer sendsThrough(ClientUnderTest client, Receiver receiver, byte[] content, String fileName,
                                              String name, WireCheck wire) throws Exception {
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
            throw ConformanceFailure.crashed(UPLOAD, Text.format("datagrams to 127.0.0.1:%d", "datagramas a 127.0.0.1:%d",
                            fake.port()),
                    Text.of("none; the client ended with exit code " + result.exitCode() + stderr(result),
                            "ninguno; el cliente terminó con código " + result.exitCode() + stderr(result)));
        }
        wire.check(fake);
        result.expectStdoutLines(OUTPUT, List.of("OK " + Datagrams.sha256Hex(content))).expectExitCode(EXIT, 0);
        expectReceived(receiver, content, name != null ? name : fileName);
        return fake;
    }

    private static String stderr(ClientResult result) {
        return result.stderr().isBlank() ? "" : " (stderr: " + Bytes.quote(result.stderr().strip()) + ")";
    }

    private static void expectReceived(Receiver receiver, byte[] content, String name) {
        Message start = receiver.start().orElseThrow(() -> ConformanceFailure.wrongOutput(UPLOAD, A_START,
                Text.of("no START", "ningún START")));
        if (!start.nameText().equals(name) || start.size() != content.length) {
            throw ConformanceFailure.wrongOutput(UPLOAD, Text.same("START size=" + content.length + " name=" + Bytes.quote(name)),
                    Text.same("START size=" + start.size() + " name=" + Bytes.quote(start.nameText())));
        }
        byte[] received = receiver.content().orElseThrow(() -> ConformanceFailure.integrity(UPLOAD,
                Text.format("every chunk of the %d-byte file", "todos los trozos del fichero de %d bytes", content.length),
                Text.of("some chunks never came", "algunos trozos no llegaron")));
        if (!Arrays.equals(received, content)) {
            throw ConformanceFailure.integrity(UPLOAD, Text.format("the file's %d bytes", "los %d bytes del fichero",
                    content.length), Bytes.describeDifference(content, received));
        }
    }

    /** Fails unless the client sent {@code type} at least twice: its first answer was lost. */
    private static WireCheck repeated(Receiver receiver, int type, String what, String whatEs) {
        return fake -> {
            if (receiver.count(type) < 2) {
                throw ConformanceFailure.wrongOutput(Text.of("the client's " + what, "los " + whatEs + " del cliente"),
                        Text.of(what + " sent again: the answer to the first was lost",
                                whatEs + " reenviado: la respuesta al primero se perdió"),
                        Text.of(receiver.count(type) + " " + what + ": never sent again",
                                receiver.count(type) + " " + whatEs + ": nunca reenviado"));
            }
        };
    }

    @Baseline
    @Requirement(clause = "UT-11", points = 3)
    void sendsAFile(ClientUnderTest client, Random random) throws Exception {
        byte[] content = RandomBytes.of(random, 1500);
        FakeUdpServer fake = sendsThrough(client, new Receiver(), content, "baseline.bin", null);
        for (byte[] datagram : fake.received()) {
            // Only the file's two chunks: DATA out of range is UT-14's concern, not the baseline's.
            Optional<Message> data = Datagrams.decode(datagram).filter(m -> m.type() == Datagrams.DATA && m.seq() < 2);
            int expected = data.map(m -> m.seq() == 0 ? 1024 : 476).orElse(0);
            if (data.isPresent() && data.get().payload().length != expected) {
                throw ConformanceFailure.wrongOutput(UPLOAD, Text.same("DATA seq=" + data.get().seq() + " (" + expected
                        + " bytes)"), Datagrams.describe(datagram));
            }
        }
    }

    @Requirement(clause = "UT-12", points = 1)
    void repeatsStart(ClientUnderTest client, Random random) throws Exception {
        Receiver receiver = new Receiver().withholding(seen -> seen.is(Datagrams.START) && seen.occurrence() == 1);
        sendsThrough(client, receiver, RandomBytes.of(random, 3000), "start-lost.bin", null,
                repeated(receiver, Datagrams.START, "START", "START"));
    }

    /** Fails unless DATA {@code seq} was sent at least twice: its first sending was lost. */
    private static WireCheck sentAgain(long seq, Text why) {
        return fake -> {
            long sent = fake.received().stream().map(Datagrams::decode).flatMap(Optional::stream)
                    .filter(m -> m.type() == Datagrams.DATA && m.seq() == seq).count();
            if (sent < 2) {
                throw ConformanceFailure.wrongOutput(Text.of("the client's DATA seq " + seq, "los DATA seq " + seq + " del cliente"),
                        Text.format("DATA seq %d sent again: %s", "DATA seq %d reenviado: %s", seq, why),
                        Text.of(sent + " DATA seq " + seq + ": never sent again", sent + " DATA seq " + seq + ": nunca reenviado"));
            }
        };
    }

    @Requirement(clause = "UT-12", points = 1)
    void repeatsLastData(ClientUnderTest client, Random random) throws Exception {
        Receiver receiver = new Receiver().losing(seen -> seen.is(Datagrams.DATA)
                && seen.message().seq() == seen.lastSeq() && seen.occurrence() == 1);
        byte[] content = RandomBytes.of(random, 5 * 1024 + 11);
        sendsThrough(client, receiver, content, "data-lost.bin", "renamed.bin",
                sentAgain(5, Text.of("its first sending was lost", "su primer envío se perdió")));
    }

    @Requirement(clause = "UT-12", points = 1)
    void resendsAChunkLostAmongOthers(ClientUnderTest client, Random random) throws Exception {
        Receiver receiver = new Receiver().losing(seen -> seen.is(Datagrams.DATA)
                && seen.message().seq() == 1 && seen.occurrence() == 1);
        byte[] content = RandomBytes.of(random, 6 * 1024 + 100);
        sendsThrough(client, receiver, content, "gap.bin", null, sentAgain(1, Text.of(
                "its first sending was lost, and the ACKs of the chunks after it do not acknowledge it",
                "su primer envío se perdió, y los ACK de los trozos siguientes no lo confirman")));
    }

    @Requirement(clause = "UT-12", points = 1)
    void ignoresAStaleAck(ClientUnderTest client, Random random) throws Exception {
        Receiver receiver = new Receiver().answeringWithStaleAck(seen -> seen.is(Datagrams.DATA)
                && seen.message().seq() == 2 && seen.occurrence() == 1);
        byte[] content = RandomBytes.of(random, 4 * 1024 + 10);
        sendsThrough(client, receiver, content, "stale.bin", null, sentAgain(2, Text.of(
                "its first sending was lost, and the ACK that came instead was ACK seq=1, a late duplicate",
                "su primer envío se perdió, y en su lugar llegó ACK seq=1, un duplicado tardío")));
    }

    @Requirement(clause = "UT-12", points = 1)
    void repeatsEnd(ClientUnderTest client, Random random) throws Exception {
        Receiver receiver = new Receiver().withholding(seen -> seen.is(Datagrams.END) && seen.occurrence() == 1);
        sendsThrough(client, receiver, RandomBytes.of(random, 2048), "done-lost.bin", null,
                repeated(receiver, Datagrams.END, "END", "END"));
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
        sendsThrough(client, receiver, RandomBytes.of(random, 4 * 1024), "silence.bin", null);
    }

    /** UT-13 and UT-17: the client under test sending one file to the reference server through the relay. */
    private record Crossed(byte[] content, String name, RunningProgram program, LossyRelay relay) {}

    private static List<Crossed> sendToReference(ClientUnderTest client, int serverPort, Random random, double loss,
                                                 int[] sizes) throws Exception {
        List<Crossed> runs = new ArrayList<>();
        try {
            for (int size : sizes) {
                byte[] content = RandomBytes.of(random, size);
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
                    + Crossing.clientDeadline(client.timeouts(), Arrays.stream(sizes).max().orElse(0), loss).toNanos();
            for (Crossed run : runs) {
                Text step = Text.of("sending " + run.content().length + " bytes to the reference server through the relay at "
                                + Crossing.percent(loss) + " loss",
                        "enviando " + run.content().length + " bytes al servidor de referencia por el relé con "
                                + Crossing.percent(loss) + " de pérdida");
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                Crossing.expectSentOk(run.program(), Text.of("the client", "el cliente"), run.content(), left, run.relay(), step);
                Crossing.expectStored(dir.resolve(run.name()), run.content(), step, run.relay());
            }
            if (!server.program().isAlive()) {
                throw new HarnessException(Text.format("the reference server exited during the cross-test: %s",
                        "el servidor de referencia terminó durante la prueba cruzada: %s",
                        server.program().stderr().tailText(300)));
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
        // The first START-ACK and the ACKs of every third chunk's first sending are lost: START and those chunks go
        // out again, and each sending must keep the transfer's layout and tid.
        Receiver receiver = new Receiver().withholding(seen -> seen.occurrence() == 1 && (seen.is(Datagrams.START)
                || seen.is(Datagrams.DATA) && seen.message().seq() % 3 == 1));
        byte[] content = RandomBytes.of(random, 10 * 1024 + 7);
        sendsThrough(client, receiver, content, "discipline.bin", null, fake -> expectDiscipline(fake, content.length));
    }

    /** Fails at the first datagram that breaks UT-14: too large, no valid message, a DATA out of layout, another tid. */
    private static void expectDiscipline(FakeUdpServer fake, int size) {
        long chunks = Datagrams.chunks(size);
        int lastLength = (int) (size - (chunks - 1) * Datagrams.CHUNK);
        Integer tid = null;
        for (byte[] datagram : fake.received()) {
            Optional<Message> decoded = Datagrams.decode(datagram);
            Text problem = null;
            if (datagram.length > Datagrams.MAX_DATAGRAM) {
                problem = Text.format("a datagram of %d bytes", "un datagrama de %d bytes", datagram.length);
            } else if (decoded.isEmpty() || decoded.get().type() > Datagrams.END) {
                problem = Datagrams.describe(datagram);
            } else {
                Message m = decoded.get();
                tid = tid == null ? m.tid() : tid;
                int expectedLength = m.seq() == chunks - 1 ? lastLength : Datagrams.CHUNK;
                if (m.tid() != tid) {
                    problem = Text.format("%s after tid=%s", "%s tras tid=%s", Datagrams.describe(datagram),
                            Integer.toUnsignedString(tid));
                } else if (m.type() == Datagrams.DATA && (m.seq() >= chunks || m.payload().length != expectedLength)) {
                    problem = Text.format("%s (the file has %d chunks, the last of %d bytes)",
                            "%s (el fichero tiene %d trozos, el último de %d bytes)", Datagrams.describe(datagram), chunks,
                            lastLength);
                }
            }
            if (problem != null) {
                throw ConformanceFailure.wrongOutput(UPLOAD, Text.format("datagrams of at most 1472 bytes: START, DATA of"
                                + " 1024 bytes (the last %d) with seq < %d, END; one tid, repeated STARTs included",
                        "datagramas de 1472 bytes como mucho: START, DATA de 1024 bytes (el último de %d) con seq < %d,"
                                + " END; un solo tid, también en los START repetidos", lastLength, chunks), problem);
            }
        }
    }

    @Requirement(clause = "UT-15", points = 1)
    void exitsOneOnDoneOne(ClientUnderTest client, Random random) throws Exception {
        Path file = Files.write(client.files().resolve("refused.bin"), RandomBytes.of(random, 1200));
        FakeUdpServer fake = client.fakeUdpServer(new Receiver().doneWith(1));
        ClientResult result = client.start(fake.port(), List.of("send", file.toString()))
                .awaitExit(Text.of("waiting for the client to exit", "esperando a que el cliente termine"), client.timeouts().seconds(20))
                .expectExitCode(Text.of("the exit code after DONE status 1", "el código de salida tras DONE con estado 1"), 1)
                .expectOneErrorLine();
        if (result.stdoutLines().stream().anyMatch(line -> line.startsWith("OK"))) {
            throw ConformanceFailure.wrongOutput(Text.of("stdout after DONE status 1", "stdout tras DONE con estado 1"),
                    Text.of("no OK line: nothing was stored", "ninguna línea OK: no se guardó nada"),
                    Text.same(Bytes.quote(result.stdoutText().strip())));
        }
    }

    @Requirement(clause = "UT-15", points = 1)
    void exitsOneOnError(ClientUnderTest client, Random random) throws Exception {
        Path file = Files.write(client.files().resolve("error.bin"), RandomBytes.of(random, 100));
        Map<Integer, String> lines = new TreeMap<>();
        for (int code : new int[] {Datagrams.BAD_NAME, Datagrams.TOO_LARGE}) {
            FakeUdpServer fake = client.fakeUdpServer(new Receiver().refusingWith(code));
            ClientResult result = client.start(fake.port(), List.of("send", file.toString()))
                    .awaitExit(Text.of("waiting for the client to exit", "esperando a que el cliente termine"), client.timeouts().seconds(20))
                    .expectExitCode(Text.of("the exit code after ERROR code " + code, "el código de salida tras ERROR código " + code), 1)
                    .expectOneErrorLine();
            lines.put(code, result.stderr().strip());
        }
        // "One line on stderr that says which": the two refusals cannot be told apart if their lines are the same.
        if (lines.get(Datagrams.BAD_NAME).equals(lines.get(Datagrams.TOO_LARGE))) {
            String said = Bytes.quote(lines.get(Datagrams.BAD_NAME));
            throw ConformanceFailure.wrongOutput(Text.of("stderr after ERROR code 1 and after ERROR code 2",
                            "stderr tras ERROR código 1 y tras ERROR código 2"),
                    Text.of("two different lines, saying which refusal came (bad name, larger than 64 MiB)",
                            "dos líneas distintas, que digan qué rechazo llegó (nombre no válido, más de 64 MiB)"),
                    Text.of("the same line both times: " + said, "la misma línea las dos veces: " + said));
        }
    }

    @Requirement(clause = "UT-16", points = 1)
    void givesUpAfterSilence(ClientUnderTest client, Random random) throws Exception {
        Path file = Files.write(client.files().resolve("unanswered.bin"), RandomBytes.of(random, 100));
        try (VanishingServer gone = new VanishingServer()) {
            // Timed from before the start: the client's first START comes later, so a busy grader that notices that
            // START late cannot make a client that waited 10 s look as if it gave up early.
            long startedNanos = System.nanoTime();
            ClientUnderTest.Run run = client.start(gone.port(), List.of("send", file.toString()));
            ClientResult result = run.awaitExit(Text.of("waiting for the client to give up on a server that went away",
                    "esperando a que el cliente se rinda ante un servidor que desapareció"), client.timeouts().seconds(25));
            long exitedNanos = System.nanoTime();
            if (gone.firstNanos() < 0) {
                throw ConformanceFailure.wrongOutput(UPLOAD, A_START, NO_DATAGRAM);
            }
            result.expectExitCode(Text.of("the exit code after 10 s without a reply (the server went away after the first"
                                    + " START: \"connection refused\" is silence too)",
                            "el código de salida tras 10 s sin respuesta (el servidor desapareció tras el primer START:"
                                    + " \"connection refused\" también es silencio)"), 2)
                    .expectOneErrorLine();
            double waited = (exitedNanos - startedNanos) / 1e9;
            if (waited < 9) {
                throw ConformanceFailure.wrongOutput(
                        Text.of("how long the client waited for a reply", "cuánto esperó el cliente una respuesta"),
                        Text.of("at least 9 s (the contract says 10 s)", "al menos 9 s (el contrato dice 10 s)"),
                        Text.same(String.format(Locale.ROOT, "%.1f s", waited)));
            }
        }
    }

    @Requirement(clause = "UT-16", points = 1)
    void exitsTwoOnUsageErrors(ClientUnderTest client, Random random) throws Exception {
        FakeUdpServer fake = client.fakeUdpServer(new Receiver());
        String absent = client.files().resolve("absent.bin").toString();
        String present = Files.write(client.files().resolve("present.bin"), RandomBytes.of(random, 10)).toString();
        String tooLong = "n".repeat(256);
        for (List<String> arguments : List.of(List.of("send"), List.of("send", absent), List.of("send", present, tooLong))) {
            String shown = arguments.stream().map(a -> a.equals(tooLong) ? "<a NAME of 256 bytes>" : a).toList().toString();
            client.start(fake.port(), arguments)
                    .awaitExit(Text.of("waiting for the client to exit", "esperando a que el cliente termine"), client.timeouts().seconds(15))
                    .expectExitCode(Text.of("the exit code for " + shown, "el código de salida con " + shown), 2)
                    .expectOneErrorLine();
        }
        if (!fake.received().isEmpty()) {
            throw ConformanceFailure.wrongOutput(UPLOAD, Text.of("nothing sent for a usage error",
                    "nada enviado ante un error de uso"), Datagrams.describe(fake.received().get(0)));
        }
    }

    /** UT-18: how long the grader watches a client whose server never answers, and from when it counts. */
    private static final Duration BACK_OFF_FROM = Duration.ofSeconds(2);
    private static final Duration BACK_OFF_UNTIL = Duration.ofSeconds(6);
    /** At most one datagram every 0.5 s on average between those two times. */
    private static final int BACK_OFF_MOST = 8;

    @Requirement(clause = "UT-18", points = 1, level = Level.SHOULD)
    void backsOffFromASilentServer(ClientUnderTest client, Random random) throws Exception {
        Path file = Files.write(client.files().resolve("backoff.bin"), RandomBytes.of(random, 100));
        Receiver silent = new Receiver().withholding(seen -> true);
        FakeUdpServer fake = client.fakeUdpServer(silent);
        ClientUnderTest.Run run = client.start(fake.port(), List.of("send", file.toString()));
        Text step = Text.of("what the client sent to a server that never answers, from 2 s to 6 s after its first START",
                "lo que envió el cliente a un servidor que nunca responde, de 2 s a 6 s tras su primer START");
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .atMost(client.timeouts().seconds(15)).until(() -> !run.program().isAlive()
                            || silent.firstNanos() > 0 && System.nanoTime() - silent.firstNanos() >= BACK_OFF_UNTIL.toNanos());
        } catch (ConditionTimeoutException e) {
            throw ConformanceFailure.timeout(step, A_START, client.timeouts().seconds(15));
        }
        long first = silent.firstNanos();
        if (first < 0) {
            throw ConformanceFailure.wrongOutput(step, A_START, NO_DATAGRAM);
        }
        List<Long> times = fake.receivedAtNanos();
        long counted = times.stream().filter(t -> t - first >= BACK_OFF_FROM.toNanos() && t - first < BACK_OFF_UNTIL.toNanos())
                .count();
        if (counted > BACK_OFF_MOST) {
            throw ConformanceFailure.wrongOutput(step, Text.format("at most %d datagrams (one every 0.5 s on average: the"
                            + " timeout doubles while the server is silent, up to about 1 s)", "como mucho %d datagramas (uno"
                            + " cada 0,5 s de media: el plazo se duplica mientras el servidor calla, hasta cerca de 1 s)",
                            BACK_OFF_MOST),
                    Text.of(counted + " datagrams in those 4 s", counted + " datagramas en esos 4 s"));
        }
    }

    /** UT-17: large enough for a steady ratio of bytes sent to bytes delivered, small enough to be quick. */
    private static final int MEASURED_SIZE = 4 << 20;
    /** UT-17: the most a measurement may take; a client without a window is reported as not done. */
    private static final int MEASURED_SECONDS = 10;

    @Requirement(clause = "UT-17", points = 0, level = Level.INFO)
    void measuresGoodput(ClientUnderTest client, ReferencePeer reference, Random random, TestReporter reporter)
            throws Exception {
        Path dir = reference.newFolder("measure");
        ReferencePeer.Server server = reference.startServer(List.of("--dir", dir.toString()), Readiness.UDP);
        List<Text> lines = new ArrayList<>();
        for (double loss : Crossing.LOSS_RATES) {
            Crossed run = sendToReference(client, server.port(), random, loss, new int[] {MEASURED_SIZE}).get(0);
            try (LossyRelay relay = run.relay()) {
                Duration limit = client.timeouts().seconds(MEASURED_SECONDS);
                OptionalInt exit = run.program().awaitExit(limit);
                Text label = Text.format("%4s loss", "%4s pérdida", Crossing.percent(loss));
                if (exit.isEmpty() || exit.getAsInt() != 0) {
                    run.program().close();
                    Text why = exit.isEmpty()
                            ? Text.format("not done within %s", "sin terminar en %s", ConformanceFailure.seconds(limit))
                            : Text.format("exit code %d", "código de salida %d", exit.getAsInt());
                    lines.add(Text.format("%s: %s (relay seed %d)", "%s: %s (semilla del relé %d)", label, why, relay.seed()));
                    continue;
                }
                long first = relay.log().events().stream().filter(e -> e.direction() == Direction.TO_SERVER)
                        .mapToLong(RelayLog.Event::atNanos).min().orElse(0);
                long last = relay.log().events().stream().filter(e -> e.direction() == Direction.TO_CLIENT)
                        .mapToLong(RelayLog.Event::atNanos).max().orElse(first);
                double seconds = Math.max(1e-3, (last - first) / 1e9);
                double goodput = run.content().length / (double) (1 << 20) / seconds;
                double overhead = relay.log().bytes(Direction.TO_SERVER) / (double) run.content().length;
                lines.add(Text.format("%s: %6.2f MiB/s goodput, %.3f bytes sent per byte delivered (%.2f s, relay seed %d)",
                        "%s: %6.2f MiB/s útiles, %.3f bytes enviados por byte entregado (%.2f s, semilla del relé %d)",
                        label, goodput, overhead, seconds, relay.seed()));
                Files.deleteIfExists(dir.resolve(run.name()));
            }
        }
        reporter.publishEntry(Map.of(
                ReportEntries.MEASUREMENT, lines.stream().map(Text::en).collect(Collectors.joining("\n")),
                ReportEntries.MEASUREMENT_ES, lines.stream().map(Text::es).collect(Collectors.joining("\n"))));
    }
}
