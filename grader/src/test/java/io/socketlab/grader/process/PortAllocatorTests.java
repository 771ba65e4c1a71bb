package io.socketlab.grader.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortAllocatorTests {

    private final PortAllocator ports = new PortAllocator();

    @Test
    void neverHandsOutTheSamePortTwice() {
        Set<Integer> handedOut = new HashSet<>();

        for (int i = 0; i < 300; i++) {
            int port = ports.allocate(i % 2 == 0);
            assertThat(handedOut.add(port)).as("port %d handed out again on allocation %d", port, i + 1).isTrue();
        }
    }

    @Test
    void handsOutATcpPortThatCanBeBound() throws IOException {
        int port = ports.allocate(false);

        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(port));
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void handsOutAPortFreeOnTcpAndUdpWhenAskedForBoth() throws IOException {
        int port = ports.allocate(true);

        try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = new DatagramSocket(new InetSocketAddress(port))) {
            tcp.bind(new InetSocketAddress(port));
            assertThat(udp.getLocalPort()).isEqualTo(tcp.getLocalPort()).isEqualTo(port);
        }
    }
}
