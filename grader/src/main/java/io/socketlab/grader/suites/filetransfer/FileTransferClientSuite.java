package io.socketlab.grader.suites.filetransfer;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/** The file client against a fake file server: what it uploads, how it verifies downloads, what it prints. */
@ExerciseSuite(exercise = "file-transfer", program = Program.CLIENT)
class FileTransferClientSuite {

    private static final Text EXIT = Text.of("the client's exit code", "el código de salida del cliente");
    private static final Text OUTPUT = Text.of("the client's stdout", "la salida estándar del cliente");
    private static final Text UPLOAD = Text.of("the upload the client sent", "la subida que envió el cliente");

    /** A fake server that accepts one PUT, checking its line, bytes and digest line. */
    private static FakeTcpServer acceptingPut(ClientUnderTest client, String name, byte[] content) throws Exception {
        return client.fakeServer(connection -> {
            connection.expectLine(UPLOAD, "PUT " + name + " " + content.length);
            byte[] body = connection.readExactly(UPLOAD, content.length, connection.replyTimeout());
            if (!Arrays.equals(body, content)) {
                throw ConformanceFailure.integrity(UPLOAD, "the file's " + content.length + " bytes",
                        Bytes.describeDifference(content, body));
            }
            String digest = connection.readLine(UPLOAD);
            if (!digest.equalsIgnoreCase(Transfers.sha256(content))) {
                throw ConformanceFailure.wrongOutput(UPLOAD, "the SHA-256 line " + Transfers.sha256(content), Bytes.quote(digest));
            }
            connection.sendLine("OK " + Transfers.sha256(content));
        });
    }

    private static void verify(ClientResult result, FakeTcpServer fake) throws Exception {
        result.expectConnectedTo(fake);
        fake.verify(UPLOAD, Duration.ofSeconds(1));
    }

    @Baseline
    @Requirement(clause = "FT-10", points = 1)
    void putsASmallFile(ClientUnderTest client) throws Exception {
        byte[] content = Bytes.utf8("notes for the exam\n");
        Path file = Files.write(client.files().resolve("notes.txt"), content);
        FakeTcpServer fake = acceptingPut(client, "notes.txt", content);
        ClientResult result = client.run(fake.port(), List.of("put", file.toString()), new byte[0]);
        verify(result, fake);
        result.expectStdoutLines(OUTPUT, List.of("OK " + Transfers.sha256(content))).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "FT-10", points = 1)
    void putsBinaryUnderAName(ClientUnderTest client, Random random) throws Exception {
        byte[] content = new byte[300_000];
        random.nextBytes(content);
        for (int i = 0; i < 256; i++) {
            content[i] = (byte) i;
        }
        Path file = Files.write(client.files().resolve("local.bin"), content);
        FakeTcpServer fake = acceptingPut(client, "remote-name.bin", content);
        ClientResult result = client.run(fake.port(), List.of("put", file.toString(), "remote-name.bin"), new byte[0]);
        verify(result, fake);
        result.expectStdoutLines(OUTPUT, List.of("OK " + Transfers.sha256(content))).expectExitCode(EXIT, 0);
        ClientResult missing = client.run(fake.port(), List.of("put", client.files().resolve("absent.bin").toString()),
                new byte[0]);
        missing.expectExitCode(Text.of("exit code for a missing FILE", "código de salida con un FILE inexistente"), 2)
                .expectErrorLine(Text.of("stderr for a missing FILE", "stderr con un FILE inexistente"));
        ClientResult folder = client.run(fake.port(), List.of("put", client.files().toString()), new byte[0]);
        folder.expectExitCode(Text.of("exit code for a FILE that is a folder", "código de salida con un FILE que es una carpeta"), 2)
                .expectErrorLine(Text.of("stderr for a FILE that is a folder", "stderr con un FILE que es una carpeta"));
    }

    /** A fake server answering one GET with {@code header} and then {@code body}, then closing. */
    private static FakeTcpServer serving(ClientUnderTest client, String name, String header, byte[] body,
                                         AtomicReference<String> request) throws Exception {
        return client.fakeServer(connection -> {
            request.set(connection.readLine(Text.of("the client's GET", "el GET del cliente")));
            connection.send(header + "\n");
            connection.send(body);
        });
    }

    @Requirement(clause = "FT-11", points = 1)
    void getsAVerifiedFile(ClientUnderTest client, Random random) throws Exception {
        byte[] content = new byte[500_000];
        random.nextBytes(content);
        AtomicReference<String> request = new AtomicReference<>();
        FakeTcpServer fake = serving(client, "data.bin", "OK " + content.length + " " + Transfers.sha256(content), content, request);
        Path out = client.files().resolve("downloaded.bin");
        ClientResult result = client.run(fake.port(), List.of("get", "data.bin", out.toString()), new byte[0]);
        result.expectConnectedTo(fake);
        if (!"GET data.bin".equals(request.get())) {
            throw ConformanceFailure.wrongOutput(Text.of("the client's request", "la petición del cliente"),
                    "\"GET data.bin\"", Bytes.quote(String.valueOf(request.get())));
        }
        result.expectStdoutLines(OUTPUT, List.of("OK " + Transfers.sha256(content))).expectExitCode(EXIT, 0);
        if (!Files.exists(out) || !Arrays.equals(Files.readAllBytes(out), content)) {
            throw ConformanceFailure.integrity(Text.of("the OUT file", "el fichero OUT"), "the " + content.length + " bytes served",
                    Files.exists(out) ? Bytes.describeDifference(content, Files.readAllBytes(out))
                            : Text.of("no OUT file", "no hay fichero OUT"));
        }
    }

    /** Fails unless the folder holds exactly {@code names}: a failed get leaves OUT as it was and no temporary. */
    private static void expectFolder(Path dir, List<String> names, Text step) throws Exception {
        List<String> actual = Transfers.listing(dir);
        if (!actual.equals(names)) {
            throw ConformanceFailure.integrity(step, "the folder holding exactly " + names,
                    Text.of("it holds " + actual, "contiene " + actual));
        }
    }

    @Requirement(clause = "FT-11", points = 1)
    void refusesCorruptedDownloads(ClientUnderTest client, Random random) throws Exception {
        byte[] content = new byte[100_000];
        random.nextBytes(content);
        byte[] corrupted = Arrays.copyOf(content, content.length);
        corrupted[50_000] ^= 0x20;
        FakeTcpServer fake = serving(client, "data.bin", "OK " + content.length + " " + Transfers.sha256(content), corrupted,
                new AtomicReference<>());
        Path dir = Files.createDirectories(client.files().resolve("corrupted"));
        ClientResult result = client.run(fake.port(), List.of("get", "data.bin", dir.resolve("out.bin").toString()), new byte[0]);
        result.expectConnectedTo(fake).expectExitCode(EXIT, 1);
        expectFolder(dir, List.of(), Text.of("OUT's folder after corrupted bytes", "la carpeta de OUT tras bytes corruptos"));
    }

    @Requirement(clause = "FT-11", points = 1)
    void leavesOutUnchangedOnFailure(ClientUnderTest client, Random random) throws Exception {
        byte[] content = new byte[100_000];
        random.nextBytes(content);
        Path dir = Files.createDirectories(client.files().resolve("cut"));
        byte[] previous = Bytes.utf8("the previous OUT\n");
        Path out = Files.write(dir.resolve("out.bin"), previous);
        FakeTcpServer cut = serving(client, "data.bin", "OK " + content.length + " " + Transfers.sha256(content),
                Arrays.copyOf(content, 5000), new AtomicReference<>());
        client.run(cut.port(), List.of("get", "data.bin", out.toString()), new byte[0]).expectConnectedTo(cut)
                .expectExitCode(Text.of("exit code after a transfer cut short", "código de salida tras una transferencia cortada"), 1);
        FakeTcpServer refusing = serving(client, "gone.bin", "ERR not-found", new byte[0], new AtomicReference<>());
        client.run(refusing.port(), List.of("get", "gone.bin", out.toString()), new byte[0]).expectConnectedTo(refusing)
                .expectExitCode(Text.of("exit code after ERR not-found", "código de salida tras ERR not-found"), 1);
        expectFolder(dir, List.of("out.bin"), Text.of("OUT's folder after two failed gets", "la carpeta de OUT tras dos get fallidos"));
        if (!Arrays.equals(Files.readAllBytes(out), previous)) {
            throw ConformanceFailure.integrity(Text.of("the existing OUT after failed gets", "el OUT existente tras get fallidos"),
                    "unchanged", Text.of("it was changed", "cambió"));
        }
    }

    @Requirement(clause = "FT-12", points = 1)
    void listsTheServersFiles(ClientUnderTest client) throws Exception {
        List<String> lines = List.of("OK 2", "a.txt 2 " + Transfers.sha256(Bytes.utf8("ay")),
                "b.bin 0 " + Transfers.sha256(new byte[0]));
        AtomicReference<String> request = new AtomicReference<>();
        FakeTcpServer fake = client.fakeServer(connection -> {
            request.set(connection.readLine(Text.of("the client's request", "la petición del cliente")));
            connection.send(String.join("\n", lines) + "\n");
            // Keep the connection open: the client must stop after count lines, not wait for a close.
            connection.readUntilClosed(Text.of("waiting for the client to leave", "esperando a que el cliente se vaya"), 1 << 16,
                    connection.replyTimeout().multipliedBy(2));
        });
        ClientResult result = client.run(fake.port(), List.of("list"), new byte[0]);
        result.expectConnectedTo(fake);
        fake.verify(Text.of("the client closing after the listing", "el cliente cerrando tras el listado"), Duration.ofSeconds(1));
        result.expectStdoutLines(OUTPUT, lines).expectExitCode(EXIT, 0);
        if (!"LIST".equals(request.get())) {
            throw ConformanceFailure.wrongOutput(Text.of("the client's request", "la petición del cliente"), "\"LIST\"",
                    Bytes.quote(String.valueOf(request.get())));
        }
    }

    @Requirement(clause = "FT-13", points = 1)
    void exitsTwoWhenRefused(ClientUnderTest client) {
        client.expectExitTwoWhenRefused(List.of("list"));
    }
}
