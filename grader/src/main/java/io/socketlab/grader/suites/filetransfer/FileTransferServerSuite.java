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
import java.util.Locale;
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

    /** Every byte value, line ends of both kinds, NUL and END markers: content a text-mode or END-scanning server mangles. */
    private static byte[] trickyContent() {
        ByteArrayOutputStream everything = new ByteArrayOutputStream();
        everything.writeBytes(Bytes.utf8("line one\nEND\nline\r\nthree\r\n\0\0END"));
        for (int i = 0; i < 256; i++) {
            everything.write(i);
        }
        everything.writeBytes(Bytes.utf8("\nEND\n"));
        return everything.toByteArray();
    }

    @Requirement(clause = "FT-1", points = 1)
    void storesAnySizeAndAnyBytes(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "sizes");
        try (TcpProbe probe = server.connect()) {
            // Exact multiples of common buffer sizes, and one byte either side: where a fixed-block reader slips.
            for (int size : new int[] {0, 1, 1023, 1024, 1025, 4095, 4096, 4097, 8191, 8192, 8193, 65535, 65536, 65537,
                    1 << 20, (1 << 20) + 1}) {
                byte[] content = random(random, size);
                String name = "size-" + size + ".bin";
                Transfers.put(probe, name, content);
                expectOnDisk(dir, name, content, step("the stored " + name, "el " + name + " guardado"));
                Transfers.expectGet(probe, name, content);
            }
            byte[] tricky = trickyContent();
            Transfers.put(probe, "tricky.bin", tricky);
            expectOnDisk(dir, "tricky.bin", tricky, step("the stored tricky.bin", "el tricky.bin guardado"));
            Transfers.expectGet(probe, "tricky.bin", tricky);
        }
    }

    @Requirement(clause = "FT-1", points = 1)
    void storesContentSplitAndCoalesced(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "pieces");
        byte[] content = random(random, 20_000);
        String sha = Transfers.sha256(content);
        try (TcpProbe probe = server.connect()) {
            // The PUT line one byte per segment, the content in pieces, the digest line cut in two.
            probe.sendSliced(Bytes.utf8("PUT split.bin " + content.length + "\n"), 1, Duration.ofMillis(10));
            probe.sendSliced(Arrays.copyOf(content, 3), 1, Duration.ofMillis(10));
            probe.sendSliced(Arrays.copyOfRange(content, 3, content.length), 1500, Duration.ofMillis(2));
            probe.sendSliced(Bytes.utf8(sha + "\n"), 40, Duration.ofMillis(20));
            Transfers.expectOkDigest(probe, step("reply to a PUT whose line and content came in small pieces",
                    "respuesta a un PUT cuya línea y contenido llegaron en trozos pequeños"), sha);
            expectOnDisk(dir, "split.bin", content, step("the stored split.bin", "el split.bin guardado"));
        }
        byte[] small = Bytes.utf8("glued\n");
        try (TcpProbe probe = server.connect()) {
            // A whole PUT and the next two commands in one segment.
            probe.send(Transfers.concat(Bytes.utf8("PUT glued.txt " + small.length + "\n"), small,
                    Bytes.utf8(Transfers.sha256(small) + "\nGET glued.txt\nLIST\n")));
            Transfers.expectOkDigest(probe, step("reply to a PUT sent in one segment with the commands after it",
                    "respuesta a un PUT enviado en un segmento con las órdenes que lo siguen"), Transfers.sha256(small));
            Transfers.expectGetReply(probe, "glued.txt", small);
            probe.expectLine(step("reply to the LIST that came in the same segment", "respuesta al LIST que llegó en el mismo segmento"),
                    "OK 2");
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
        Path dir = useDir(server, "missing");
        // A folder is not a file: a server that opens it crashes or sends garbage.
        Files.createDirectories(dir.resolve("folder.d"));
        try (TcpProbe probe = server.connect()) {
            probe.sendLine("GET nothing-here.txt");
            probe.expectLine(step("reply to GET of a missing file", "respuesta a GET de un fichero inexistente"), "ERR not-found");
            probe.sendLine("GET folder.d");
            probe.expectLine(step("reply to GET of a name that is a folder in --dir", "respuesta a GET de un nombre que es una carpeta en --dir"),
                    "ERR not-found");
            probe.sendLine("GET nothing-here.txt");
            probe.expectLine(step("the same GET again: the connection stays usable", "el mismo GET otra vez: la conexión sigue utilizable"),
                    "ERR not-found");
        }
    }

    @Requirement(clause = "FT-3", points = 2)
    void listsFilesSorted(ServerUnderTest server) throws Exception {
        Path dir = useDir(server, "list");
        Text step = step("reply to LIST", "respuesta a LIST");
        try (TcpProbe probe = server.connect()) {
            probe.sendLine("LIST");
            probe.expectLine(step("reply to LIST on an empty folder", "respuesta a LIST con la carpeta vacía"), "OK 0");
            String[][] files = {{"b.txt", "bee"}, {"a.txt", "ay"}, {"C.txt", "sea!"}, {"empty", ""}};
            for (String[] file : files) {
                Transfers.put(probe, file[0], Bytes.utf8(file[1]));
            }
            // Not files of the protocol: a folder with a valid name, and a file whose name starts with a dot.
            Files.createDirectories(dir.resolve("folder.d"));
            Files.writeString(dir.resolve(".hidden"), "not listed\n");
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
        // The first half of every upload before the second half of any: all four are in progress at once.
        int half = 1 << 20;
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TcpProbe probe = probes.get(i);
            byte[] content = contents.get(i);
            starts.add(Concurrently.start(() -> {
                probe.send("PUT race.bin " + content.length + "\n").send(Arrays.copyOf(content, half));
            }));
        }
        Concurrently.awaitAll(starts, server.timeouts().seconds(30), step("the first halves of 4 concurrent uploads",
                "las primeras mitades de 4 subidas concurrentes"), "all sent");
        List<CompletableFuture<Void>> uploads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TcpProbe probe = probes.get(i);
            byte[] content = contents.get(i);
            uploads.add(Concurrently.start(() -> {
                probe.send(Arrays.copyOfRange(content, half, content.length)).send(Transfers.sha256(content) + "\n");
                Transfers.expectOkDigest(probe, step("reply to one of 4 concurrent uploads", "respuesta a una de 4 subidas concurrentes"),
                        Transfers.sha256(content));
            }));
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
            // Digest lines that are not 64 hex digits are mismatches too, answered at once, the connection usable.
            for (String line : List.of("", "abc", Transfers.sha256(content) + "00")) {
                Transfers.sendPut(probe, "checked.bin", content, line);
                probe.expectLine(step("reply to a PUT whose digest line is " + Bytes.quote(line),
                        "respuesta a un PUT cuya línea de resumen es " + Bytes.quote(line)), "ERR digest-mismatch");
            }
            expectListing(dir, List.of(), step("the folder after digest mismatches", "la carpeta tras resúmenes erróneos"));
            // The digest compares without regard to case; the server always answers in lower case.
            Transfers.sendPut(probe, "checked.bin", content, Transfers.sha256(content).toUpperCase(Locale.ROOT));
            probe.expectLine(step("reply to a PUT whose digest is in upper case", "respuesta a un PUT con el resumen en mayúsculas"),
                    "OK " + Transfers.sha256(content));
            expectOnDisk(dir, "checked.bin", content, step("the stored checked.bin", "el checked.bin guardado"));
        }
    }

    @Requirement(clause = "FT-6", points = 1)
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
        try (TcpProbe probe = server.connect()) {
            // Not UTF-8: an invalid name (bad-name) or an invalid line (unknown-command), both are right.
            probe.send(Transfers.concat(Bytes.utf8("PUT na"), new byte[] {(byte) 0xef}, Bytes.utf8("ve.txt 5\n")));
            Text step = step("reply to PUT of a name that is not UTF-8", "respuesta a PUT de un nombre que no es UTF-8");
            String reply = probe.readLine(step);
            if (!reply.equals("ERR bad-name") && !reply.equals("ERR unknown-command")) {
                throw ConformanceFailure.wrongOutput(step, "ERR bad-name (or ERR unknown-command)", Bytes.quote(reply));
            }
        }
        expectListing(dir, List.of(), step("the folder after bad names", "la carpeta tras nombres no válidos"));
        if (Files.exists(dir.getParent().resolve("escape.txt"))) {
            throw ConformanceFailure.integrity(step("the folder above --dir", "la carpeta por encima de --dir"),
                    "nothing written outside --dir", Text.of("escape.txt was written there", "se escribió escape.txt allí"));
        }
    }

    @Requirement(clause = "FT-6", points = 1)
    void checksNamesOnGetAndAcceptsEdgeNames(ServerUnderTest server) throws Exception {
        Path dir = useDir(server, "names-get");
        Files.writeString(dir.getParent().resolve("secret.txt"), "outside --dir\n");
        try (TcpProbe probe = server.connect()) {
            for (String name : List.of("../secret.txt", "..", ".", ".hidden", "a/b", "/etc/hostname")) {
                probe.sendLine("GET " + name);
                probe.expectLine(step("reply to GET " + Bytes.quote(name), "respuesta a GET " + Bytes.quote(name)), "ERR bad-name");
            }
            for (String name : List.of("x".repeat(255), "-x", "_", "A-Z_0-9.tar.gz", "report.final.pdf", "a")) {
                byte[] content = Bytes.utf8("valid name " + name + "\n");
                Transfers.put(probe, name, content);
                Transfers.expectGet(probe, name, content);
            }
        }
    }

    @Requirement(clause = "FT-7", points = 1)
    void refusesBadSizes(ServerUnderTest server) throws Exception {
        useDir(server, "sizes-bad");
        // Signs, separators and exponents that int(), parseLong or a lenient parser would take; an empty size.
        for (String size : List.of("-1", "abc", "1.5", "0x10", "+12", "1_000", "1e3", "")) {
            try (TcpProbe probe = server.connect()) {
                probe.sendLine("PUT ok.txt " + size);
                probe.expectLine(step("reply to PUT ok.txt " + size, "respuesta a PUT ok.txt " + size), "ERR bad-size");
            }
        }
    }

    @Requirement(clause = "FT-7", points = 1)
    void enforcesMaxSize(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "limit", "--max-size", "1000");
        // Just above the limit, and above what a 32-bit int holds (Integer.parseInt fails on it: still too-large).
        for (String size : List.of("1001", "3000000000")) {
            try (TcpProbe probe = server.connect()) {
                probe.sendLine("PUT big.bin " + size);
                probe.expectLine(step("reply to PUT of " + size + " bytes with --max-size 1000",
                        "respuesta a PUT de " + size + " bytes con --max-size 1000"), "ERR too-large");
            }
        }
        try (TcpProbe probe = server.connect()) {
            // Too large for any 64-bit integer: either answer is allowed.
            probe.sendLine("PUT big.bin 99999999999999999999");
            Text step = step("reply to PUT of a 20-digit size", "respuesta a PUT de un tamaño de 20 cifras");
            String reply = probe.readLine(step);
            if (!reply.equals("ERR too-large") && !reply.equals("ERR bad-size")) {
                throw ConformanceFailure.wrongOutput(step, "ERR too-large (or ERR bad-size)", Bytes.quote(reply));
            }
        }
        byte[] fits = random(random, 1000);
        try (TcpProbe probe = server.connect()) {
            // Exactly the limit, written with leading zeros.
            probe.send("PUT fits.bin 0001000\n").send(fits).send(Transfers.sha256(fits) + "\n");
            Transfers.expectOkDigest(probe, step("reply to PUT fits.bin 0001000 (exactly --max-size)",
                    "respuesta a PUT fits.bin 0001000 (exactamente --max-size)"), Transfers.sha256(fits));
        }
        expectListing(dir, List.of("fits.bin"), step("the folder after both uploads", "la carpeta tras ambas subidas"));
    }

    @Requirement(clause = "FT-8", points = 1)
    void servesSeveralCommands(ServerUnderTest server) throws Exception {
        useDir(server, "session");
        try (TcpProbe probe = server.connect(); TcpProbe other = server.connect()) {
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
            // The first connection stays open, idle between commands: another client is served meanwhile.
            other.sendLine("GET one.txt");
            Transfers.expectGetReply(other, "one.txt", Bytes.utf8("1"));
            Transfers.expectGet(probe, "one.txt", Bytes.utf8("1"));
        }
    }

    @Requirement(clause = "FT-8", points = 1)
    void answersUnknownCommands(ServerUnderTest server) throws Exception {
        useDir(server, "unknown");
        String longest = "LIST " + "x".repeat(8192 - 5);
        try (TcpProbe probe = server.connect()) {
            // Commands are case-sensitive, LIST takes no argument, and a line of 8192 bytes is still an ordinary line.
            for (String line : List.of("DELETE x.txt", "HELLO", "", "put a.txt 3", "LIST all", longest)) {
                probe.sendLine(line);
                String shown = line.length() > 40 ? "a line of " + Bytes.utf8(line).length + " bytes" : Bytes.quote(line);
                String shownEs = line.length() > 40 ? "una línea de " + Bytes.utf8(line).length + " bytes" : Bytes.quote(line);
                probe.expectLine(step("reply to " + shown, "respuesta a " + shownEs), "ERR unknown-command");
            }
            probe.send(Transfers.concat(new byte[] {(byte) 0xff, (byte) 0xfe}, Bytes.utf8("LIST\n")));
            probe.expectLine(step("reply to a line that is not UTF-8", "respuesta a una línea que no es UTF-8"), "ERR unknown-command");
            probe.sendLine("LIST");
            probe.expectLine(step("LIST after unknown commands", "LIST tras comandos desconocidos"), "OK 0");
        }
        try (TcpProbe probe = server.connect()) {
            // One byte more than a line may hold: refused, and the connection closed.
            probe.sendLine(longest + "x");
            Text step = step("reply to a line of 8193 bytes", "respuesta a una línea de 8193 bytes");
            probe.expectLine(step, "ERR line-too-long");
            probe.expectClosed(step("after ERR line-too-long", "tras ERR line-too-long"), probe.replyTimeout());
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
            // A client that asks for 3 MiB, reads nothing (the server's writes block), then resets.
            TcpProbe stalled = server.connect();
            stalled.sendLine("GET keep.bin");
            Transfers.expectGet(reader, "keep.bin", content);
            stalled.reset();
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
