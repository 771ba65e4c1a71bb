package io.socketlab.grader.suites.filetransfer;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.Slicing;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The file client against the file server the grader plays: gentle in the baseline, then as a real server is and a
 * careless client does not expect (content in pieces, a connection kept open after the answer, an early ERR, another
 * digest, silence).
 */
@ExerciseSuite(exercise = "file-transfer", program = Program.CLIENT)
class FileTransferClientSuite {

    private static final byte[] NO_INPUT = new byte[0];
    private static final Text UPLOAD = Text.of("the upload the client sent", "la subida que envió el cliente");

    /** Holds the connection open, as a server waiting for the next command does, until the client closes it. */
    private static void untilTheClientLeaves(TcpProbe connection) throws IOException {
        connection.readUntilClosed(Text.of("the client closing the connection", "el cierre de la conexión por el cliente"),
                1 << 16, connection.replyTimeout().multipliedBy(3));
    }

    /**
     * A fake server that accepts one PUT, checking its line (ended by LF alone, as senders write), bytes and digest
     * line, and answers {@code answer}.
     */
    private static FakeTcpServer acceptingPut(ClientUnderTest client, String name, byte[] content, String answer)
            throws IOException {
        return client.fakeServer(connection -> {
            connection.lfOnly().expectLine("PUT " + name + " " + content.length)
                    .expectBytes(UPLOAD, content, connection.replyTimeout().multipliedBy(2))
                    .expectLine(Text.of("the digest line after the content", "la línea del resumen tras el contenido"),
                            Transfers.sha256(content))
                    .sendLine(answer);
            untilTheClientLeaves(connection);
        });
    }

    private static FakeTcpServer acceptingPut(ClientUnderTest client, String name, byte[] content) throws IOException {
        return acceptingPut(client, name, content, "OK " + Transfers.sha256(content));
    }

    /** The baseline's gentle server: one CR before an LF is forgiven, as any receiver does. */
    private static FakeTcpServer acceptingPutGently(ClientUnderTest client, String name, byte[] content) throws IOException {
        return client.fakeServer(connection -> {
            connection.expectLine("PUT " + name + " " + content.length).expectBytes(UPLOAD, content)
                    .expectLine(Transfers.sha256(content)).sendLine("OK " + Transfers.sha256(content));
            untilTheClientLeaves(connection);
        });
    }

    @Baseline
    @Requirement(clause = "FT-10", points = 1)
    void putsASmallFile(ClientUnderTest client) throws Exception {
        byte[] content = Bytes.utf8("notes for the exam\n");
        Path file = Files.write(client.files().resolve("notes.txt"), content);
        FakeTcpServer fake = acceptingPutGently(client, "notes.txt", content);
        client.run(fake.port(), List.of("put", file.toString()), NO_INPUT)
                .expectServedBy(fake).expectPrinted("OK " + Transfers.sha256(content)).expectExitCode(0);
    }

    @Requirement(clause = "FT-10", points = 1)
    void putsAnyFileAndReportsFailures(ClientUnderTest client, Random random) throws Exception {
        byte[] content = new byte[300_000];
        random.nextBytes(content);
        for (int i = 0; i < 256; i++) {
            content[i] = (byte) i;
        }
        Path file = Files.write(client.files().resolve("local.bin"), content);
        FakeTcpServer fake = acceptingPut(client, "remote-name.bin", content);
        client.run(fake.port(), List.of("put", file.toString(), "remote-name.bin"), NO_INPUT)
                .expectServedBy(fake).expectPrinted("OK " + Transfers.sha256(content)).expectExitCode(0);
        Path empty = Files.write(client.files().resolve("empty.txt"), new byte[0]);
        FakeTcpServer emptyFake = acceptingPut(client, "empty.txt", new byte[0]);
        client.run(emptyFake.port(), List.of("put", empty.toString()), NO_INPUT)
                .expectServedBy(emptyFake).expectPrinted("OK " + Transfers.sha256(new byte[0])).expectExitCode(0);
        client.run(fake.port(), List.of("put", client.files().resolve("absent.bin").toString()), NO_INPUT)
                .expectExitCode(2).expectOneErrorLine();
        client.run(fake.port(), List.of("put", client.files().toString()), NO_INPUT).expectExitCode(2).expectOneErrorLine();

        // Larger than the socket buffers: a client that writes it all before reading meets a server that refused at once.
        byte[] big = new byte[8 << 20];
        random.nextBytes(big);
        Path bigFile = Files.write(client.files().resolve("big.bin"), big);
        FakeTcpServer refusing = client.fakeServer(connection -> {
            connection.lfOnly().expectLine("PUT big.bin " + big.length).sendLine("ERR too-large");
            // As a server should: stop sending, then take (and drop) what the client still sends before closing.
            connection.shutdownOutput().readUntilClosed(Text.of("what the client sends after ERR too-large",
                    "lo que envía el cliente tras ERR too-large"), 16 << 20, connection.replyTimeout().multipliedBy(2));
        });
        client.run(refusing.port(), List.of("put", bigFile.toString()), NO_INPUT)
                .expectConnectedTo(refusing).expectPrinted().expectExitCode(1).expectOneErrorLineHolding("ERR too-large");
        // A server that stored something else: its OK carries another digest.
        byte[] small = Bytes.utf8("checked\n");
        Path smallFile = Files.write(client.files().resolve("checked.txt"), small);
        FakeTcpServer mismatched = acceptingPut(client, "checked.txt", small, "OK " + Transfers.sha256(Bytes.utf8("other\n")));
        client.run(mismatched.port(), List.of("put", smallFile.toString()), NO_INPUT)
                .expectServedBy(mismatched).expectPrinted().expectExitCode(1).expectOneErrorLine();
    }

    /**
     * A fake server answering one GET with {@code header} and then {@code body} (a first piece shorter than any
     * common block, a pause, then TCP-sized pieces), keeping the connection open until the client closes it.
     */
    private static FakeTcpServer serving(ClientUnderTest client, String name, String header, byte[] body) throws IOException {
        return client.fakeServer(connection -> {
            connection.lfOnly().expectLine("GET " + name).sendLine(header);
            if (body.length > 0) {
                List<Integer> cuts = new ArrayList<>(List.of(Math.min(1000, body.length)));
                for (int at = 2500; at < body.length; at += 1500) {
                    cuts.add(at);
                }
                connection.send(body, Slicing.at(cuts.stream().mapToInt(Integer::intValue).toArray())
                        .pausing(Duration.ofMillis(1)));
            }
            untilTheClientLeaves(connection);
        });
    }

    /** A fake server answering one GET with {@code header} and {@code body}, then closing: a transfer cut short. */
    private static FakeTcpServer servingThenClosing(ClientUnderTest client, String header, byte[] body) throws IOException {
        return client.fakeServer(connection -> connection.expectLine("GET data.bin").sendLine(header).send(body));
    }

    @Requirement(clause = "FT-11", points = 1)
    void getsAVerifiedFile(ClientUnderTest client, Random random) throws Exception {
        // No bytes at all, an exact multiple of every common buffer, and an odd size that arrives in pieces.
        for (int size : new int[] {0, 65536, 100_001}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            FakeTcpServer fake = serving(client, "data.bin", "OK " + size + " " + Transfers.sha256(content), content);
            Path dir = Files.createDirectories(client.files().resolve("get-" + size));
            client.run(fake.port(), List.of("get", "data.bin", dir.resolve("out.bin").toString()), NO_INPUT)
                    .expectServedBy(fake).expectPrinted("OK " + Transfers.sha256(content)).expectExitCode(0);
            Folder.expectFile(dir, "out.bin", content);
            Folder.expectHolding(dir, List.of("out.bin"));
        }
    }

    @Requirement(clause = "FT-11", points = 1)
    void refusesCorruptedDownloads(ClientUnderTest client, Random random) throws Exception {
        byte[] content = new byte[100_000];
        random.nextBytes(content);
        byte[] corrupted = Arrays.copyOf(content, content.length);
        corrupted[50_000] ^= 0x20;
        FakeTcpServer fake = serving(client, "data.bin", "OK " + content.length + " " + Transfers.sha256(content), corrupted);
        Path dir = Files.createDirectories(client.files().resolve("corrupted"));
        client.run(fake.port(), List.of("get", "data.bin", dir.resolve("out.bin").toString()), NO_INPUT)
                .expectServedBy(fake).expectPrinted().expectExitCode(1).expectOneErrorLine();
        Folder.expectHolding(dir, List.of());
    }

    @Requirement(clause = "FT-11", points = 1)
    void leavesOutUnchangedOnFailure(ClientUnderTest client, Random random) throws Exception {
        byte[] content = new byte[100_000];
        random.nextBytes(content);
        Path dir = Files.createDirectories(client.files().resolve("cut"));
        byte[] previous = Bytes.utf8("the previous OUT\n");
        Path out = Files.write(dir.resolve("out.bin"), previous);
        FakeTcpServer cut = servingThenClosing(client, "OK " + content.length + " " + Transfers.sha256(content),
                Arrays.copyOf(content, 5000));
        client.run(cut.port(), List.of("get", "data.bin", out.toString()), NO_INPUT)
                .expectConnectedTo(cut).expectPrinted().expectExitCode(1).expectOneErrorLine();
        FakeTcpServer refusing = serving(client, "gone.bin", "ERR not-found", new byte[0]);
        client.run(refusing.port(), List.of("get", "gone.bin", out.toString()), NO_INPUT)
                .expectServedBy(refusing).expectPrinted().expectExitCode(1).expectOneErrorLineHolding("ERR not-found");
        // A reply that is neither OK <size> <digest> nor ERR <code>: the conversation broke off before any data.
        FakeTcpServer confused = serving(client, "data.bin", "HELLO", new byte[0]);
        client.run(confused.port(), List.of("get", "data.bin", out.toString()), NO_INPUT)
                .expectServedBy(confused).expectPrinted().expectExitCode(2).expectOneErrorLine();
        // OUT in a folder that does not exist, or OUT that is a folder: usage errors, found before connecting.
        for (Path unusable : List.of(dir.resolve("no-such-folder").resolve("out.bin"), dir)) {
            client.run(refusing.port(), List.of("get", "gone.bin", unusable.toString()), NO_INPUT)
                    .expectExitCode(2).expectOneErrorLine();
        }
        Folder.expectHolding(dir, List.of("out.bin"));
        Folder.expectFile(dir, "out.bin", previous);
    }

    @Requirement(clause = "FT-12", points = 1)
    void listsTheServersFiles(ClientUnderTest client) throws Exception {
        List<String> lines = new ArrayList<>(List.of("OK 300"));
        for (int i = 0; i < 300; i++) {
            byte[] content = Bytes.utf8("file " + i);
            lines.add(String.format(Locale.ROOT, "file-%03d.txt %d %s", i, content.length, Transfers.sha256(content)));
        }
        byte[] reply = Bytes.utf8(String.join("\n", lines) + "\n");
        FakeTcpServer fake = client.fakeServer(connection -> {
            // In pieces that cut lines (the first inside "OK 300"), then the connection kept open: the client must
            // stop after count lines, not wait for a close.
            connection.lfOnly().expectLine("LIST")
                    .send(Arrays.copyOf(reply, 4))
                    .send(Arrays.copyOfRange(reply, 4, reply.length), Slicing.pieces(700).pausing(Duration.ofMillis(2)));
            untilTheClientLeaves(connection);
        });
        client.run(fake.port(), List.of("list"), NO_INPUT).expectServedBy(fake).expectPrinted(lines).expectExitCode(0);
    }

    @Requirement(clause = "FT-13", points = 1)
    void exitsTwoWhenRefusedOrLeftWithoutReply(ClientUnderTest client) throws Exception {
        client.run(client.refusedPort(), List.of("list"), NO_INPUT).expectExitCode(2).expectOneErrorLine();
        // A server that takes the command and closes without a reply.
        FakeTcpServer closing = client.fakeServer(connection -> connection.expectLine("LIST"));
        client.run(closing.port(), List.of("list"), NO_INPUT)
                .expectServedBy(closing).expectPrinted().expectExitCode(2).expectOneErrorLine();
        // A server that takes the command and never answers, the connection open: the client gives up after 10 s.
        FakeTcpServer silent = client.fakeServer(connection -> {
            connection.expectLine("LIST");
            connection.readUntilClosed(Text.of("waiting for the client to give up", "esperando a que el cliente desista"),
                    1 << 16, connection.replyTimeout().multipliedBy(4));
        });
        ClientUnderTest.Run waiting = client.start(silent.port(), List.of("list"));
        waiting.writeStdinAndClose(NO_INPUT);
        // The contract's 10 s, and time for the program to start and to end on a busy machine.
        waiting.awaitExit(client.timeouts().seconds(22)).expectServedBy(silent).expectExitCode(2).expectOneErrorLine();
    }
}
