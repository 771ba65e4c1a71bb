package io.socketlab.reference.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.reference.LoopbackPair;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** One conversation of the sockets server, played on the other end of a loopback pair: no server, no port. */
class SocketsSessionTests {

    @Test
    void greetsCountsBytesAndAnswersByeThenCloses() throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.send("héllo\r\n\nBYE\nnot answered\n");
            pair.client.shutdownOutput(); // everything is sent: the session's lingering close ends at once

            new SocketsSession(pair.server).run();

            assertThat(pair.receiveAll()).isEqualTo("HELLO socketlab-reference\nRECEIVED 6\nRECEIVED 0\nBYE\n");
        }
    }

    @Test
    void refusesALineOverTheLimitAndCloses() throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.send("x".repeat(8192) + "\n" + "y".repeat(8193) + "\n");
            pair.client.shutdownOutput();

            new SocketsSession(pair.server).run();

            assertThat(pair.receiveAll()).isEqualTo("HELLO socketlab-reference\nRECEIVED 8192\nERR line-too-long\n");
        }
    }

    @Test
    void aClientThatLeavesWithoutByeJustEndsItsSession() throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.send("last words");
            pair.client.shutdownOutput();

            new SocketsSession(pair.server).run();

            assertThat(pair.receiveAll()).isEqualTo("HELLO socketlab-reference\nRECEIVED 10\n");
            assertThat(pair.server.isClosed()).isTrue();
        }
    }
}
