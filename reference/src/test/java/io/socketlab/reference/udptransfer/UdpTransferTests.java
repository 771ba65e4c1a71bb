package io.socketlab.reference.udptransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketlab.reference.ForkedProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference client sends files to the reference server, each in its own JVM, over loopback. */
class UdpTransferTests {

    @TempDir
    static Path work;
    private static ForkedProgram server;
    private static int port;

    @BeforeAll
    static void startServer() throws IOException {
        port = ForkedProgram.freeUdpPort();
        server = ForkedProgram.start(work.resolve("logs"), UdpTransferServer.class, Map.of(),
                "--port", String.valueOf(port), "--dir", work.resolve("store").toString(),
                "--log-level", "udptransfer.UdpTransferServer=INFO"); // its "listening" record says it is ready
        await().atMost(Duration.ofSeconds(20)).until(() -> server.stderr().contains("listening"));
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        server.close();
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 1024, 1025, 1 << 20})
    void storesFilesOfEverySizeIdentical(int size) throws Exception {
        Path file = randomFile("file-" + size, size);

        ForkedProgram client = ForkedProgram.run(work.resolve("logs"), UdpTransferClient.class,
                "--host", "127.0.0.1", "--port", String.valueOf(port), "send", file.toString());

        assertThat(client.exitCode()).as(client.stderr()).isZero();
        assertThat(client.stdout()).isEqualTo("OK " + sha256(file) + "\n");
        assertThat(work.resolve("store/file-" + size)).hasSameBinaryContentAs(file);
    }

    @Test
    void crossesTenPercentLossEachWayWithFewRetransmissions() throws Exception {
        Path file = randomFile("lossy", 1 << 20);
        try (RandomDropRelay relay = new RandomDropRelay(port, 0.10, 42)) {
            ForkedProgram client = ForkedProgram.run(work.resolve("logs"), UdpTransferClient.class,
                    "--host", "127.0.0.1", "--port", String.valueOf(relay.port()), "send", file.toString(), "lossy.bin");

            assertThat(client.exitCode()).as(client.stderr()).isZero();
            assertThat(work.resolve("store/lossy.bin")).hasSameBinaryContentAs(file);
            // A chunk is resent when it or its ACK is lost: 1 / 0.81 = 1.23 sendings on average.
            // Resending whole windows, or resending before the timer runs out, would show here.
            double ratio = (double) relay.clientBytes() / Files.size(file);
            System.out.printf("udp-transfer, 1 MiB at 10 %% loss each way: %.3f bytes sent per byte%n", ratio);
            assertThat(ratio).isLessThan(1.45);
        }
    }

    @Test
    void refusesABadNameWithExitCode1() throws Exception {
        Path file = randomFile("good", 10);

        ForkedProgram client = ForkedProgram.run(work.resolve("logs"), UdpTransferClient.class,
                "--port", String.valueOf(port), "send", file.toString(), ".hidden");

        assertThat(client.exitCode()).isEqualTo(1);
        assertThat(client.stderr().lines()).singleElement().asString().contains("bad name");
        assertThat(work.resolve("store/.hidden")).doesNotExist();
    }

    @Test
    void aMissingFileIsAUsageError() throws Exception {
        ForkedProgram client = ForkedProgram.run(work.resolve("logs"), UdpTransferClient.class,
                "--port", String.valueOf(port), "send", work.resolve("no-such-file").toString());

        assertThat(client.exitCode()).isEqualTo(2);
        assertThat(client.stderr().lines()).hasSize(1);
    }

    private static Path randomFile(String name, int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return Files.write(work.resolve(name), content);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
