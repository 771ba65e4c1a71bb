package io.socketlab.grader.suites.filetransfer;

import static io.socketlab.grader.suites.filetransfer.Folder.useDir;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.Concurrently;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.RandomBytes;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.Line;
import io.socketlab.grader.probe.Payload;
import io.socketlab.grader.probe.Slicing;
import io.socketlab.grader.probe.TcpProbe;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/** The file server: exact storage of any bytes, GET and LIST, atomic replacement, digests, names and limits. */
@ExerciseSuite(exercise = "file-transfer", program = Program.SERVER)
class FileTransferServerSuite {

    private static byte[] random(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
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
                Folder.expectFile(dir, name, content);
                Transfers.expectGet(probe, name, content);
            }
            byte[] tricky = trickyContent();
            Transfers.put(probe, "tricky.bin", tricky);
            Folder.expectFile(dir, "tricky.bin", tricky);
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
            probe.send(Bytes.utf8("PUT split.bin " + content.length + "\n"), Slicing.everyByte())
                    .send(content, Slicing.at(1, 2, 3, 1500, 3000, 7000, 12_000).pausing(Duration.ofMillis(5)))
                    .send(Bytes.utf8(sha + "\n"), Slicing.at(40).pausing(Duration.ofMillis(20)))
                    .expectLine(Transfers.replyToPut("split.bin", content.length), "OK " + sha);
            Folder.expectFile(dir, "split.bin", content);
        }
        byte[] small = Bytes.utf8("glued\n");
        try (TcpProbe probe = server.connect()) {
            // A whole PUT and the next two commands in one segment.
            probe.send(Transfers.concat(Bytes.utf8("PUT glued.txt " + small.length + "\n"), small,
                            Bytes.utf8(Transfers.sha256(small) + "\nGET glued.txt\nLIST\n")))
                    .expectLine(Transfers.replyToPut("glued.txt", small.length), "OK " + Transfers.sha256(small));
            Transfers.expectGetReply(probe, "glued.txt", small)
                    .expectLine(Text.of("the server's reply to the LIST in the same segment",
                            "la respuesta del servidor al LIST del mismo segmento"), "OK 2");
        }
    }

    @Requirement(clause = "FT-1", points = 1)
    void streamsALargeFile(ServerUnderTest server, Random random) throws Exception {
        useDir(server, "large");
        Payload content = Payload.random(random, 256L << 20);
        String sha = Transfers.sha256(content);
        Duration within = server.timeouts().seconds(60);
        try (TcpProbe probe = server.connect()) {
            Transfers.streamPut(probe, "large.bin", content, sha, within);
            Transfers.expectStreamedGet(probe, "large.bin", content, sha, within);
        }
    }

    @Requirement(clause = "FT-2", points = 2)
    void getReturnsHeaderAndBytes(ServerUnderTest server, Random random) throws Exception {
        useDir(server, "get");
        byte[] first = RandomBytes.of(random, 70_000);
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
            probe.sendLine("GET nothing-here.txt").expectLine("ERR not-found")
                    .sendLine("GET folder.d").expectLine("ERR not-found")
                    .sendLine("GET nothing-here.txt").expectLine("ERR not-found");
        }
    }

    @Requirement(clause = "FT-3", points = 2)
    void listsFilesSorted(ServerUnderTest server) throws Exception {
        Path dir = useDir(server, "list");
        try (TcpProbe probe = server.connect()) {
            probe.sendLine("LIST").expectLine("OK 0");
            String[][] files = {{"b.txt", "bee"}, {"a.txt", "ay"}, {"C.txt", "sea!"}, {"empty", ""}};
            for (String[] file : files) {
                Transfers.put(probe, file[0], Bytes.utf8(file[1]));
            }
            // Not files of the protocol: a folder with a valid name, and a file whose name starts with a dot.
            Files.createDirectories(dir.resolve("folder.d"));
            Files.writeString(dir.resolve(".hidden"), "not listed\n");
            probe.sendLine("LIST").expectLine("OK 4");
            Text entry = Text.of("an entry of the LIST answer", "una entrada de la respuesta a LIST");
            for (String[] file : new String[][] {files[2], files[1], files[0], files[3]}) {
                byte[] content = Bytes.utf8(file[1]);
                probe.expectLine(entry, file[0] + " " + content.length + " " + Transfers.sha256(content));
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
                probe.sendLine("PUT " + name + " 100000").send(random(random, 5000));
                Folder.awaitUploadStarted(dir, List.of("doc.txt"));
                // End of stream mid-upload; once the server closes too, it has finished with this upload.
                probe.shutdownOutput().readUntilClosed(1 << 16);
            }
        }
        try (TcpProbe probe = server.connect()) {
            // All the content, but the client leaves before its digest line: nothing verified, nothing stored.
            probe.sendLine("PUT doc.txt 5000").send(random(random, 5000)).shutdownOutput().readUntilClosed(1 << 16);
        }
        Folder.awaitHolding(dir, List.of("doc.txt"));
        Folder.expectFile(dir, "doc.txt", original);
        server.expectAlive();
    }

    @Requirement(clause = "FT-4", points = 1)
    void killedUploadLeavesNothing(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "killed");
        TcpProbe probe = server.connect().sendLine("PUT killed.bin 10000000").send(random(random, 300_000));
        Folder.awaitUploadStarted(dir, List.of());
        probe.reset();
        Folder.awaitHolding(dir, List.of());
    }

    @Requirement(clause = "FT-4", points = 1)
    void uploadInProgressIsInvisible(ServerUnderTest server, Random random) throws Exception {
        useDir(server, "invisible");
        byte[] old = Bytes.utf8("old\n");
        byte[] fresh = RandomBytes.of(random, 200_000);
        try (TcpProbe uploader = server.connect(); TcpProbe observer = server.connect()) {
            Transfers.put(uploader, "shared.bin", old);
            uploader.sendLine("PUT shared.bin " + fresh.length).send(Arrays.copyOf(fresh, 100_000));
            observer.sendLine("LIST").expectLine("OK 1")
                    .expectLine(Text.of("the LIST entry during the upload", "la entrada de LIST durante la subida"),
                            "shared.bin " + old.length + " " + Transfers.sha256(old));
            Transfers.expectGet(observer, "shared.bin", old);
            uploader.send(Arrays.copyOfRange(fresh, 100_000, fresh.length)).sendLine(Transfers.sha256(fresh))
                    .expectLine(Transfers.replyToPut("shared.bin", fresh.length), "OK " + Transfers.sha256(fresh));
            Transfers.expectGet(observer, "shared.bin", fresh);
        }
    }

    @Requirement(clause = "FT-4", points = 1)
    void concurrentUploadsNeverMix(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "race");
        List<byte[]> contents = new ArrayList<>();
        List<TcpProbe> probes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            contents.add(RandomBytes.of(random, 2 << 20));
            probes.add(server.connect());
        }
        // The first half of every upload before the second half of any: all four are in progress at once.
        int half = 1 << 20;
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        List<CompletableFuture<Void>> uploads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TcpProbe probe = probes.get(i);
            byte[] content = contents.get(i);
            starts.add(Concurrently.start(() -> {
                probe.sendLine("PUT race.bin " + content.length).send(Arrays.copyOf(content, half));
            }));
        }
        Text racing = Text.of("4 concurrent uploads of race.bin", "4 subidas concurrentes de race.bin");
        Concurrently.awaitAll(starts, server.timeouts().seconds(30), racing,
                Text.of("their first halves sent", "sus primeras mitades enviadas"));
        for (int i = 0; i < 4; i++) {
            TcpProbe probe = probes.get(i);
            byte[] content = contents.get(i);
            uploads.add(Concurrently.start(() -> {
                probe.send(Arrays.copyOfRange(content, half, content.length)).sendLine(Transfers.sha256(content))
                        .expectLine(Transfers.replyToPut("race.bin", content.length), "OK " + Transfers.sha256(content),
                                probe.replyTimeout().multipliedBy(2));
            }));
        }
        Concurrently.awaitAll(uploads, server.timeouts().seconds(60), racing, Text.of("an OK for each", "un OK para cada una"));
        Folder.awaitHolding(dir, List.of("race.bin"));
        String stored = Transfers.sha256(Files.readAllBytes(dir.resolve("race.bin")));
        if (contents.stream().map(Transfers::sha256).noneMatch(stored::equals)) {
            throw ConformanceFailure.integrity(Text.of("race.bin after 4 concurrent uploads", "race.bin tras 4 subidas concurrentes"),
                    Text.of("exactly one of the 4 uploads, whole", "exactamente una de las 4 subidas, entera"),
                    Text.format("a mixture (SHA-256 %s)", "una mezcla (SHA-256 %s)", stored));
        }
    }

    @Requirement(clause = "FT-5", points = 2)
    void refusesAWrongDigest(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "digest");
        byte[] content = random(random, 50_000);
        String sha = Transfers.sha256(content);
        byte[] other = Arrays.copyOf(content, content.length);
        other[0] ^= 1;
        try (TcpProbe probe = server.connect()) {
            // Another content's digest, and digest lines that are not 64 hex digits: mismatches, the connection usable.
            for (String line : List.of(Transfers.sha256(other), "", "abc", sha + "00")) {
                Transfers.sendPut(probe, "checked.bin", content, line)
                        .expectLine(Transfers.replyToPut("checked.bin", content.length), "ERR digest-mismatch");
            }
            Folder.awaitHolding(dir, List.of());
            // The digest compares without regard to case; the server always answers in lower case.
            Transfers.sendPut(probe, "checked.bin", content, sha.toUpperCase(Locale.ROOT))
                    .expectLine(Transfers.replyToPut("checked.bin", content.length), "OK " + sha);
            Folder.expectFile(dir, "checked.bin", content);
        }
    }

    @Requirement(clause = "FT-6", points = 1)
    void refusesBadNames(ServerUnderTest server) throws Exception {
        Path dir = useDir(server, "names");
        for (String name : List.of("../escape.txt", "/tmp/escape.txt", ".hidden", "x".repeat(256), "a\\b", "a:b", "ñ.txt")) {
            try (TcpProbe probe = server.connect()) {
                // Answered at once: no content is sent.
                probe.sendLine("PUT " + name + " 5").expectLine("ERR bad-name");
            }
        }
        for (String line : List.of("PUT  5", "PUT my file.txt 5")) {
            try (TcpProbe probe = server.connect()) {
                probe.sendLine(line).expectLineLike(Line.startingWith("ERR "));
            }
        }
        try (TcpProbe probe = server.connect()) {
            // Not UTF-8: an invalid name (bad-name) or an invalid line (unknown-command), both are right.
            probe.send(Transfers.concat(Bytes.utf8("PUT na"), new byte[] {(byte) 0xef}, Bytes.utf8("ve.txt 5\n")))
                    .expectLineLike(Line.anyOf(Line.exactly("ERR bad-name"), Line.exactly("ERR unknown-command")));
        }
        Folder.awaitHolding(dir, List.of());
        if (Files.exists(dir.getParent().resolve("escape.txt"))) {
            throw ConformanceFailure.integrity(Text.of("the folder above --dir", "la carpeta por encima de --dir"),
                    Text.of("nothing written outside --dir", "nada escrito fuera de --dir"),
                    Text.of("escape.txt was written there", "se escribió allí escape.txt"));
        }
    }

    @Requirement(clause = "FT-6", points = 1)
    void checksNamesOnGetAndAcceptsEdgeNames(ServerUnderTest server) throws Exception {
        Path dir = useDir(server, "names-get");
        Files.writeString(dir.getParent().resolve("secret.txt"), "outside --dir\n");
        try (TcpProbe probe = server.connect()) {
            for (String name : List.of("../secret.txt", "..", ".", ".hidden", "a/b", "/etc/hostname")) {
                probe.sendLine("GET " + name).expectLine("ERR bad-name");
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
                probe.sendLine("PUT ok.txt " + size).expectLine("ERR bad-size");
            }
        }
    }

    @Requirement(clause = "FT-7", points = 1)
    void enforcesMaxSize(ServerUnderTest server, Random random) throws Exception {
        Path dir = useDir(server, "limit", "--max-size", "1000");
        // Just above the limit, and above what a 32-bit int holds (Integer.parseInt fails on it: still too-large).
        for (String size : List.of("1001", "3000000000")) {
            try (TcpProbe probe = server.connect()) {
                probe.sendLine("PUT big.bin " + size).expectLine("ERR too-large");
            }
        }
        try (TcpProbe probe = server.connect()) {
            // Too large for any 64-bit integer: either answer is allowed.
            probe.sendLine("PUT big.bin 99999999999999999999")
                    .expectLineLike(Line.anyOf(Line.exactly("ERR too-large"), Line.exactly("ERR bad-size")));
        }
        byte[] fits = random(random, 1000);
        try (TcpProbe probe = server.connect()) {
            // Exactly the limit, written with leading zeros.
            probe.sendLine("PUT fits.bin 0001000").send(fits).sendLine(Transfers.sha256(fits))
                    .expectLine(Transfers.replyToPut("fits.bin", fits.length), "OK " + Transfers.sha256(fits));
        }
        Folder.awaitHolding(dir, List.of("fits.bin"));
    }

    @Requirement(clause = "FT-8", points = 1)
    void servesSeveralCommands(ServerUnderTest server) throws Exception {
        useDir(server, "session");
        try (TcpProbe probe = server.connect(); TcpProbe other = server.connect()) {
            Transfers.put(probe, "one.txt", Bytes.utf8("1"));
            Transfers.put(probe, "two.txt", Bytes.utf8("22"));
            probe.sendLine("LIST").expectLine("OK 2");
            probe.readLine();
            probe.readLine();
            Transfers.expectGet(probe, "one.txt", Bytes.utf8("1"));
            probe.sendLine("GET three.txt").expectLine("ERR not-found");
            Transfers.expectGet(probe, "two.txt", Bytes.utf8("22"));
            // The first connection stays open, idle between commands: another client is served meanwhile.
            Transfers.expectGet(other, "one.txt", Bytes.utf8("1"));
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
                probe.sendLine(line).expectLine("ERR unknown-command");
            }
            probe.send(Transfers.concat(new byte[] {(byte) 0xff, (byte) 0xfe}, Bytes.utf8("LIST\n")))
                    .expectLine("ERR unknown-command")
                    .sendLine("LIST").expectLine("OK 0");
        }
        try (TcpProbe probe = server.connect()) {
            // One byte more than a line may hold: refused, and the connection closed.
            probe.sendLine(longest + "x").expectLine("ERR line-too-long").expectClosed();
        }
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
