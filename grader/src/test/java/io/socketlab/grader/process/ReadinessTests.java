package io.socketlab.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Readiness reads the kernel's socket table, which sees the test's own sockets as it would a server's. */
class ReadinessTests {

    @Test
    void tcpSeesAListeningSocket() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(Readiness.TCP.isReady(server.getLocalPort())).isTrue();
        }
    }

    @Test
    void tcpSeesASocketListeningOnEveryInterface() throws IOException {
        try (ServerSocket server = new ServerSocket(0)) {
            assertThat(Readiness.TCP.isReady(server.getLocalPort())).isTrue();
        }
    }

    @Test
    void tcpDoesNotSeeAPortNobodyListensOn() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        assertThat(Readiness.TCP.isReady(port)).isFalse();
    }

    @Test
    void tcpDoesNotTakeABoundSocketThatIsNotListeningForAServer() throws IOException {
        assumeSocketTable();
        try (Socket boundOnly = new Socket()) {
            boundOnly.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertThat(Readiness.TCP.isReady(boundOnly.getLocalPort())).isFalse();
        }
    }

    @Test
    void udpSeesABoundDatagramSocket() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThat(Readiness.UDP.isReady(socket.getLocalPort())).isTrue();
        }
    }

    @Test
    void udpDoesNotTakeATcpListenerForADatagramSocket() throws IOException {
        assumeSocketTable();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(Readiness.UDP.isReady(server.getLocalPort())).isFalse();
        }
    }

    @Test
    void tcpAndUdpNeedsBothOnTheSamePort() throws IOException {
        assumeSocketTable();
        int port = new PortAllocator().allocate(true);
        try (ServerSocket tcp = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(Readiness.TCP_AND_UDP.isReady(port)).as("TCP only").isFalse();

            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                assertThat(Readiness.TCP_AND_UDP.isReady(port)).as("TCP and UDP").isTrue();
            }
        }
    }

    /** Without Linux's socket table readiness falls back to a connect (TCP) and to trusting TCP (UDP). */
    private static void assumeSocketTable() {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")) && Files.isReadable(Path.of("/proc/net/udp")),
                "no /proc/net socket table on this machine");
    }
}
