package io.socketlab.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketlab.reference.sockets.SocketsClient;
import io.socketlab.reference.sockets.SocketsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/logging.md, as a user sees it: records on stderr for the loggers turned on, a client's stdout untouched. */
class LoggingTests {

    @TempDir
    Path work;

    @Test
    void aComponentTurnedToFineLogsItsConnectionsOnStderrAndNothingElse() throws Exception {
        int port = freeTcpPort();
        try (ForkedProgram server = ForkedProgram.start(work, SocketsServer.class, Map.of(),
                "--port", String.valueOf(port), "--log-level", "sockets.SocketsSession=FINE")) {
            awaitListening(port);
            ForkedProgram client = ForkedProgram.run(work, SocketsClient.class, "--port", String.valueOf(port), "hi");
            assertThat(client.exitCode()).as(client.stderr()).isZero();

            await().atMost(Duration.ofSeconds(10)).until(() -> server.stderr().contains("connection closed"));
            assertThat(server.stderr().lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} FINE    sockets\\.SocketsSession /127\\.0\\.0\\.1:\\d+: .*"));
            assertThat(server.stderr()).contains(": connection opened", ": BYE, answered and closing");
            assertThat(server.stderr()).as("the server's own INFO record stays off").doesNotContain("listening");
        }
    }

    @Test
    void aClientLoggingEverythingPrintsExactlyTheSameOnStdout() throws Exception {
        int port = freeTcpPort();
        try (ForkedProgram server = ForkedProgram.start(work, SocketsServer.class, Map.of(),
                "--port", String.valueOf(port))) {
            awaitListening(port);
            ForkedProgram quiet = ForkedProgram.run(work, SocketsClient.class, "--port", String.valueOf(port), "a", "bé");
            ForkedProgram verbose = ForkedProgram.run(work, SocketsClient.class, "--port", String.valueOf(port), "a", "bé",
                    "--log-level", "ALL");

            assertThat(verbose.exitCode()).isZero();
            assertThat(verbose.stdout()).isEqualTo(quiet.stdout()).isEqualTo("HELLO socketlab-reference\nRECEIVED 1\n"
                    + "RECEIVED 3\nBYE\n");
            assertThat(quiet.stderr()).isEmpty();
            assertThat(verbose.stderr()).contains("FINE    sockets.SocketsClient connected to", "every message answered: BYE");
        }
    }

    @Test
    void aJulConfigurationFileWorksWithoutTheOption() throws Exception {
        Path config = Files.writeString(work.resolve("logging.properties"), """
                handlers = java.util.logging.ConsoleHandler
                java.util.logging.ConsoleHandler.level = ALL
                io.socketlab.reference.sockets.level = FINE
                """, StandardCharsets.UTF_8);
        int port = freeTcpPort();
        try (ForkedProgram server = ForkedProgram.start(work, SocketsServer.class,
                Map.of("JAVA_TOOL_OPTIONS", "-Djava.util.logging.config.file=" + config), "--port", String.valueOf(port))) {
            awaitListening(port);
            ForkedProgram.run(work, SocketsClient.class, "--port", String.valueOf(port), "hi");

            // JUL's own format this time: the file chose its handler, and the file's levels hold.
            await().atMost(Duration.ofSeconds(10)).until(() -> server.stderr().contains("connection closed"));
            assertThat(server.stderr()).contains("INFO: listening on port " + port);
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return true;
            }
        });
    }
}
