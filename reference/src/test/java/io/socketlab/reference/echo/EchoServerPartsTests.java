package io.socketlab.reference.echo;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.reference.LoopbackPair;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The echo server's two halves on their own: a TCP session on a loopback pair, the UDP responder on a socket. */
class EchoServerPartsTests {

    @Test
    void aTcpSessionSendsEveryByteBackAndClosesAfterTheHalfClose() throws IOException {
        byte[] everyByte = new byte[256 * 16];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.client.getOutputStream().write(everyByte);
            pair.client.shutdownOutput(); // ECHO-2: "that was all"

            new EchoTcpSession(pair.server).run();

            assertThat(pair.client.getInputStream().readAllBytes()).isEqualTo(everyByte);
        }
    }

    @Test
    void theUdpResponderReturnsEachDatagramWholeToItsSenderEvenAnEmptyOne() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(new EchoUdpResponder(server), "echo-udp-test");
            responder.start();
            client.setSoTimeout(10_000);

            for (byte[] payload : new byte[][] {new byte[0], "héllo".getBytes(StandardCharsets.UTF_8), new byte[65_507]}) {
                client.send(new DatagramPacket(payload, payload.length, server.getLocalSocketAddress()));
                DatagramPacket reply = new DatagramPacket(new byte[65_535], 65_535);
                client.receive(reply);
                assertThat(Arrays.copyOf(reply.getData(), reply.getLength())).isEqualTo(payload);
            }

            server.close(); // the responder's loop ends with its socket
            responder.join(10_000);
            assertThat(responder.isAlive()).isFalse();
        }
    }
}
