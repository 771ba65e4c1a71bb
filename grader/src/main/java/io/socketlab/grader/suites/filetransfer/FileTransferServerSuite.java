package io.socketlab.grader.suites.filetransfer;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.Concurrently;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** The file server: exact storage of any bytes, GET and LIST, atomic replacement, digests, names and limits. */
@ExerciseSuite(exercise = "file-transfer", program = Program.SERVER, serverArguments = {"--dir", "{data}"})
class FileTransferServerSuite {

    private static Text step(String en, String es) {
        return Text.of(en, es);
    }

    /** Restarts the server on a new, empty folder (plus {@code extra} arguments); returns the folder. */
    private static Path useDir(ServerUnderTest server, String name, String... extra) throws Exception {
        Path dir = Files.createDirectories(server.dataDir().resolve(name));
        List<String> arguments = new ArrayList<>(List.of("--dir", dir.toString()));
        arguments.addAll(List.of(extra));
        server.restartWith(arguments);
        return dir;
    }

    private static byte[] random(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Fails unless the file on disk holds exactly {@code content}. */
    private static void expectOnDisk(Path dir, String name, byte[] content, Text step) throws Exception {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw ConformanceFailure.integrity(step, "a file " + name + " in --dir", Text.of("no such file", "no existe"));
        }
        byte[] stored = Files.readAllBytes(file);
        if (!Arrays.equals(content, stored)) {
            throw ConformanceFailure.integrity(step, name + " with the " + content.length + " bytes uploaded",
                    Bytes.describeDifference(content, stored));
        }
    }

    /** Waits (bounded) until the folder holds exactly {@code names}: the server may still be cleaning up. */
    private static void expectListing(Path dir, List<String> names, Text step) throws Exception {
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(25))
                    .atMost(Duration.ofSeconds(5)).until(() -> Transfers.listing(dir).equals(names));
        } catch (ConditionTimeoutException e) {
            throw ConformanceFailure.integrity(step, "the folder holding exactly " + names,
                    Text.of("it holds " + Transfers.listing(dir), "contiene " + Transfers.listing(dir)));
        }
    }

    /**
     * Waits (bounded) until the server has started writing an upload, that is until the folder holds an entry it
     * did not hold before. Returns quietly if none appears: a server may stage uploads elsewhere.
     */
    private static void awaitUploadStarted(Path dir, List<String> before) {
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> Transfers.listing(dir).stream().anyMatch(name -> !before.contains(name)));
        } catch (ConditionTimeoutException e) {
            // Nothing visible in --dir while uploading: there is nothing for the check after the cut to miss.
        }
    }

    @Baseline
    @Requirement(clause = "FT-1", points = 1)
    void storesAndReturnsASmallFile(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            byte[] content = Bytes.utf8("hello\n");
            Transfers.put(probe, "hello.txt", content);
            Transfers.expectGet(probe, "hello.txt", content);
        }
    }

    @Requirement(clause = "FT-1", points = 1)
    void storesBoundarySizes(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "sizes");
        try (TcpProbe probe = server.connect()) {
            for (int size : new int[] {0, 1, 1023, 1024, 1025, (1 << 20) + 1}) {
                byte[] content = random(random, size);
                String name = "size-" + size + ".bin";
                Transfers.put(probe, name, content);
                expectOnDisk(dir, name, content, step("the stored " + name, "el " + name + " guardado"));
                Transfers.expectGet(probe, name, content);
            }
        }
    }

    @Requirement(clause = "FT-1", points = 1)
    void storesTrickyContent(ServerUnderTest server) throws Exception {
        Path dir = useDir(server, "tricky");
        ByteArrayOutputStream everything = new ByteArrayOutputStream();
        everything.writeBytes(Bytes.utf8("line one\nEND\nline\r\nthree\r\n\0\0END"));
        for (int i = 0; i < 256; i++) {
            everything.write(i);
        }
        everything.writeBytes(Bytes.utf8("\nEND\n"));
        byte[] content = everything.toByteArray();
        try (TcpProbe probe = server.connect()) {
            Transfers.put(probe, "tricky.bin", content);
            expectOnDisk(dir, "tricky.bin", content, step("the stored tricky.bin", "el tricky.bin guardado"));
            Transfers.expectGet(probe, "tricky.bin", content);
        }
    }

    @Requirement(clause = "FT-1", points = 1)
    void streamsALargeFile(ServerUnderTest server, Random random) throws Exception {
        useDir(server, "large");
        long size = 256L << 20;
        try (TcpProbe probe = server.connect()) {
            String sha = Transfers.streamPut(probe, "large.bin", size, random.nextLong());
            Duration within = server.timeouts().seconds(60);
            String reply = probe.readLine(step("reply to a 256 MiB PUT", "respuesta a un PUT de 256 MiB"), within);
            if (!Transfers.sameWithDigest(reply, "OK " + sha)) {
                throw ConformanceFailure.wrongOutput(step("reply to a 256 MiB PUT", "respuesta a un PUT de 256 MiB"),
                        Bytes.quote("OK " + sha), Bytes.quote(reply));
            }
            Transfers.expectStreamedGet(probe, "large.bin", size, sha, within);
        }
    }

    @Requirement(clause = "FT-2", points = 2)
    void getReturnsHeaderAndBytes(ServerUnderTest server, Random random) throws Exception {
        useDir(server, "get");
        byte[] first = random(random, 70_000);
        byte[] second = Bytes.utf8("second file\n");
        try (TcpProbe probe = server.connect()) {
            Transfers.put(probe, "first.bin", first);
            Transfers.put(probe, "second.txt", second);
        }
        try (TcpProbe probe = server.connect()) {
            Transfers.expectGet(probe, "first.bin", first);
            Transfers.expectGet(probe, "second.txt", second);
        }
    }

    @Requirement(clause = "FT-2", points = 1)
    void getOfMissingFile(ServerUnderTest server) throws Exception {
        useDir(server, "missing");
        try (TcpProbe probe = server.connect()) {
            probe.sendLine("GET nothing-here.txt");
            probe.expectLine(step("reply to GET of a missing file", "respuesta a GET de un fichero inexistente"), "ERR not-found");
        }
    }

    @Requirement(clause = "FT-3", points = 2)
    void listsFilesSorted(ServerUnderTest server) throws Exception {
        useDir(server, "list");
        Text step = step("reply to LIST", "respuesta a LIST");
        try (TcpProbe probe = server.connect()) {
            probe.sendLine("LIST");
            probe.expectLine(step("reply to LIST on an empty folder", "respuesta a LIST con la carpeta vacía"), "OK 0");
            String[][] files = {{"b.txt", "bee"}, {"a.txt", "ay"}, {"C.txt", "sea!"}, {"empty", ""}};
            for (String[] file : files) {
                Transfers.put(probe, file[0], Bytes.utf8(file[1]));
            }
            probe.sendLine("LIST");
            probe.expectLine(step, "OK 4");
            for (String[] file : new String[][] {files[2], files[1], files[0], files[3]}) {
                String expected = file[0] + " " + Bytes.utf8(file[1]).length + " " + Transfers.sha256(Bytes.utf8(file[1]));
                String line = probe.readLine(step);
                if (!Transfers.sameWithDigest(line, expected)) {
                    throw ConformanceFailure.wrongOutput(step, Bytes.quote(expected), Bytes.quote(line));
                }
            }
        }
    }

    @Requirement(clause = "FT-4", points = 2)
    void cutUploadLeavesNothing(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "cut");
        byte[] original = Bytes.utf8("version 1\n");
        try (TcpProbe probe = server.connect()) {
            Transfers.put(probe, "doc.txt", original);
        }
        for (String name : List.of("doc.txt", "new.bin")) {
            try (TcpProbe probe = server.connect()) {
                probe.send("PUT " + name + " 100000\n").send(random(random, 5000));
                awaitUploadStarted(dir, List.of("doc.txt"));
                // End of stream mid-upload; once the server closes too, it has finished with this upload.
                probe.shutdownOutput();
                probe.readUntilClosed(step("the server closing after an upload cut short",
                        "el servidor cerrando tras una subida interrumpida"), 1 << 16, probe.replyTimeout());
            }
        }
        Text step = step("the folder after two uploads cut short", "la carpeta tras dos subidas interrumpidas");
        expectListing(dir, List.of("doc.txt"), step);
        expectOnDisk(dir, "doc.txt", original, step);
        server.expectAlive(step);
    }

    @Requirement(clause = "FT-4", points = 1)
    void killedUploadLeavesNothing(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "killed");
        TcpProbe probe = server.connect();
        probe.send("PUT killed.bin 10000000\n").send(random(random, 300_000));
        awaitUploadStarted(dir, List.of());
        probe.reset();
        expectListing(dir, List.of(), step("the folder after a client was killed mid-upload",
                "la carpeta tras morir un cliente a mitad de subida"));
    }

    @Requirement(clause = "FT-4", points = 1)
    void uploadInProgressIsInvisible(ServerUnderTest server, Random random) throws Exception {
        useDir(server, "invisible");
        byte[] old = Bytes.utf8("old\n");
        byte[] fresh = random(random, 200_000);
        try (TcpProbe uploader = server.connect(); TcpProbe observer = server.connect()) {
            Transfers.put(uploader, "shared.bin", old);
            uploader.send("PUT shared.bin " + fresh.length + "\n").send(Arrays.copyOf(fresh, 100_000));
            observer.sendLine("LIST");
            observer.expectLine(step("LIST during an upload", "LIST durante una subida"), "OK 1");
            String entry = observer.readLine(step("LIST during an upload", "LIST durante una subida"));
            if (!entry.startsWith("shared.bin " + old.length + " ")) {
                throw ConformanceFailure.wrongOutput(step("LIST during an upload", "LIST durante una subida"),
                        "the old shared.bin only", Bytes.quote(entry));
            }
            Transfers.expectGet(observer, "shared.bin", old);
            uploader.send(Arrays.copyOfRange(fresh, 100_000, fresh.length)).send(Transfers.sha256(fresh) + "\n");
            Transfers.expectOkDigest(uploader, step("reply to the finished upload", "respuesta a la subida terminada"),
                    Transfers.sha256(fresh));
            Transfers.expectGet(observer, "shared.bin", fresh);
        }
    }

    @Requirement(clause = "FT-4", points = 1)
    void concurrentUploadsNeverMix(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "race");
        List<byte[]> contents = new ArrayList<>();
        List<TcpProbe> probes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            contents.add(random(random, 2 << 20));
            probes.add(server.connect());
        }
        List<CompletableFuture<Void>> uploads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TcpProbe probe = probes.get(i);
            byte[] content = contents.get(i);
            uploads.add(Concurrently.start(() -> Transfers.put(probe, "race.bin", content)));
        }
        Concurrently.awaitAll(uploads, server.timeouts().seconds(60), step("4 concurrent uploads", "4 subidas concurrentes"),
                "an OK for each");
        Text step = step("race.bin after 4 concurrent uploads", "race.bin tras 4 subidas concurrentes");
        expectListing(dir, List.of("race.bin"), step);
        Set<String> uploaded = new HashSet<>();
        contents.forEach(c -> uploaded.add(Transfers.sha256(c)));
        String stored = Transfers.sha256(Files.readAllBytes(dir.resolve("race.bin")));
        if (!uploaded.contains(stored)) {
            throw ConformanceFailure.integrity(step, "exactly one of the 4 uploads", Text.of(
                    "a mixture (SHA-256 " + stored + ")", "una mezcla (SHA-256 " + stored + ")"));
        }
    }

    @Requirement(clause = "FT-5", points = 2)
    void refusesAWrongDigest(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "digest");
        byte[] content = random(random, 50_000);
        byte[] other = Arrays.copyOf(content, content.length);
        other[0] ^= 1;
        try (TcpProbe probe = server.connect()) {
            Transfers.sendPut(probe, "checked.bin", content, Transfers.sha256(other));
            probe.expectLine(step("reply to a PUT with a wrong digest", "respuesta a un PUT con un resumen erróneo"),
                    "ERR digest-mismatch");
            expectListing(dir, List.of(), step("the folder after a digest mismatch", "la carpeta tras un resumen erróneo"));
            Transfers.put(probe, "checked.bin", content);
        }
    }

    @Requirement(clause = "FT-6", points = 2)
    void refusesBadNames(ServerUnderTest server) throws Exception {
        Path dir = useDir(server, "names");
        List<String> exact = List.of("../escape.txt", "/tmp/escape.txt", ".hidden", "x".repeat(256), "a\\b", "a:b", "ñ.txt");
        for (String name : exact) {
            try (TcpProbe probe = server.connect()) {
                probe.send("PUT " + name + " 5\n");
                probe.expectLine(step("reply to PUT " + Bytes.quote(name) + " (before any content)",
                        "respuesta a PUT " + Bytes.quote(name) + " (antes de ningún contenido)"), "ERR bad-name");
            }
        }
        for (String line : List.of("PUT  5", "PUT my file.txt 5")) {
            try (TcpProbe probe = server.connect()) {
                probe.sendLine(line);
                Text step = step("reply to " + Bytes.quote(line), "respuesta a " + Bytes.quote(line));
                String reply = probe.readLine(step);
                if (!reply.startsWith("ERR ")) {
                    throw ConformanceFailure.wrongOutput(step, "ERR <code> (the name is empty or has a space)", Bytes.quote(reply));
                }
            }
        }
        expectListing(dir, List.of(), step("the folder after bad names", "la carpeta tras nombres no válidos"));
        if (Files.exists(dir.getParent().resolve("escape.txt"))) {
            throw ConformanceFailure.integrity(step("the folder above --dir", "la carpeta por encima de --dir"),
                    "nothing written outside --dir", Text.of("escape.txt was written there", "se escribió escape.txt allí"));
        }
    }

    @Requirement(clause = "FT-7", points = 1)
    void refusesBadSizes(ServerUnderTest server) throws Exception {
        useDir(server, "sizes-bad");
        for (String size : List.of("-1", "abc", "1.5", "0x10")) {
            try (TcpProbe probe = server.connect()) {
                probe.sendLine("PUT ok.txt " + size);
                probe.expectLine(step("reply to PUT ok.txt " + size, "respuesta a PUT ok.txt " + size), "ERR bad-size");
            }
        }
    }

    @Requirement(clause = "FT-7", points = 1)
    void enforcesMaxSize(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "limit", "--max-size", "1000");
        try (TcpProbe probe = server.connect()) {
            probe.sendLine("PUT big.bin 1001");
            probe.expectLine(step("reply to PUT of 1001 bytes with --max-size 1000",
                    "respuesta a PUT de 1001 bytes con --max-size 1000"), "ERR too-large");
        }
        try (TcpProbe probe = server.connect()) {
            Transfers.put(probe, "fits.bin", random(random, 1000));
        }
        expectListing(dir, List.of("fits.bin"), step("the folder after both uploads", "la carpeta tras ambas subidas"));
    }

    @Requirement(clause = "FT-8", points = 1)
    void servesSeveralCommands(ServerUnderTest server) throws Exception {
        useDir(server, "session");
        try (TcpProbe probe = server.connect()) {
            Transfers.put(probe, "one.txt", Bytes.utf8("1"));
            Transfers.put(probe, "two.txt", Bytes.utf8("22"));
            probe.sendLine("LIST");
            probe.expectLine(step("LIST in the middle of a session", "LIST en mitad de una sesión"), "OK 2");
            probe.readLine(step("LIST entry", "entrada de LIST"));
            probe.readLine(step("LIST entry", "entrada de LIST"));
            Transfers.expectGet(probe, "one.txt", Bytes.utf8("1"));
            probe.sendLine("GET three.txt");
            probe.expectLine(step("GET of a missing file mid-session", "GET de un fichero inexistente en mitad de la sesión"),
                    "ERR not-found");
            Transfers.expectGet(probe, "two.txt", Bytes.utf8("22"));
        }
    }

    @Requirement(clause = "FT-8", points = 1)
    void answersUnknownCommands(ServerUnderTest server) throws Exception {
        useDir(server, "unknown");
        try (TcpProbe probe = server.connect()) {
            for (String line : List.of("DELETE x.txt", "HELLO", "")) {
                probe.sendLine(line);
                probe.expectLine(step("reply to " + Bytes.quote(line), "respuesta a " + Bytes.quote(line)), "ERR unknown-command");
            }
            probe.sendLine("LIST");
            probe.expectLine(step("LIST after unknown commands", "LIST tras comandos desconocidos"), "OK 0");
        }
    }

    @Requirement(clause = "FT-9", points = 1, level = Level.SHOULD)
    void survivesVanishingClients(ServerUnderTest server, Random random) throws Exception {
        useDir(server, "vanish");
        byte[] content = random(random, 3 << 20);
        try (TcpProbe probe = server.connect()) {
            Transfers.put(probe, "keep.bin", content);
        }
        try (TcpProbe reader = server.connect()) {
            TcpProbe vanishing = server.connect();
            vanishing.send("PUT gone.bin 1000000\n").send(random(random, 1000));
            vanishing.reset();
            Transfers.expectGet(reader, "keep.bin", content);
        }
        server.expectAlive(step("after a client vanished", "tras desaparecer un cliente"));
    }

    @Requirement(clause = "FT-9", points = 1, level = Level.SHOULD)
    void refusesBadStartsAndABusyPort(ServerUnderTest server) throws Exception {
        // A missing DIR is not among them: DIR is an existing folder by contract, and creating it is allowed.
        Path dir = Files.createDirectories(server.dataDir().resolve("start"));
        Path notADir = Files.writeString(server.dataDir().resolve("start.txt"), "a file, not a folder\n");
        String[][] bad = {
                {"--dir", dir.toString(), "--colour", "red"},
                {"--dir", notADir.toString()},
                {"--dir", dir.toString(), "--max-size", "ten"},
                {"--dir", dir.toString(), "--max-size", "-1"}};
        for (String[] arguments : bad) {
            String shown = String.join(" ", arguments).replace(server.dataDir().toString(), "DATA");
            server.expectStartRefused(List.of(arguments), shown);
        }
        server.expectStartRefusedOnBusyPort(List.of("--dir", dir.toString()));
    }

    @Requirement(clause = "FT-9", points = 1, level = Level.SHOULD)
    void exitsZeroOnSigterm(ServerUnderTest server) throws Exception {
        server.connect().close();
        server.expectCleanTermination();
    }
}
