package io.socketlab.student.echo;

import static io.socketlab.student.Todo.unlessTodo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * echo: the given command line, and how to test your EchoTcpSession on a socket connected to this test over
 * loopback: no server, no port to choose. The second test is skipped until EchoTcpSession is written.
 */
class EchoTests {

    private static final String USAGE = "EchoClient --host H --port N [--udp] [--timeout-ms T]";

    @Test
    void theUdpTimeoutMustBeAPositiveNumberOfMilliseconds() throws Failure {
        Args args = Args.parse(USAGE, new String[] {"--port", "7", "--udp", "--timeout-ms", "0"},
                Set.of("--host", "--port", "--timeout-ms"), Set.of("--udp"));

        assertTrue(args.flag("--udp"));
        Failure failure = assertThrows(Failure.class, () -> args.intValue("--timeout-ms", 1000, 1, Integer.MAX_VALUE));
        assertEquals(Failure.USAGE, failure.exitCode());
    }

    @Test
    void aTcpSessionSendsEveryByteBackThenClosesAfterTheHalfClose() throws Exception {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
             Socket server = listener.accept()) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(everyByte);
            client.shutdownOutput(); // ECHO-2: "that was all"

            // Small enough to fit in the sockets' buffers: the session can run to its end in this thread.
            unlessTodo("EchoTcpSession", () -> {
                new EchoTcpSession(server).run();
                return null;
            });

            assertArrayEquals(everyByte, client.getInputStream().readAllBytes());
        }
    }
}
