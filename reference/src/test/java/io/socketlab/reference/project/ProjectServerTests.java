package io.socketlab.reference.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketlab.reference.common.Failure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server and the client talking over a real loopback socket, in this JVM. */
class ProjectServerTests {

    private ServerSocket listener;
    private Thread acceptor;

    @BeforeEach
    void startServer() throws IOException {
        listener = ProjectServer.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(() -> ProjectServer.acceptClients(listener, new KeyValueStore()));
        acceptor.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        listener.close();
        acceptor.join(5_000);
    }

    @Test
    void aClientStoresAndReadsBackAValue() throws Exception {
        assertEquals(List.of("OK", "VALUE blue"), talk("PUT colour blue", "GET colour"));
    }

    @Test
    void aSecondClientSeesWhatTheFirstStored() throws Exception {
        talk("PUT shared yes");

        assertEquals(List.of("VALUE yes", "SIZE 1"), talk("GET shared", "SIZE"));
    }

    @Test
    void anErrReplyMakesTheClientFailWithExitCodeOne() {
        Failure failure = assertThrows(Failure.class, () -> talk("GET missing"));

        assertEquals(Failure.REFUSED, failure.exitCode());
    }

    @Test
    void aRefusedConnectionIsExitCodeTwo() throws Exception {
        InetSocketAddress nobody = (InetSocketAddress) listener.getLocalSocketAddress();
        stopServer();

        Failure failure = assertThrows(Failure.class,
                () -> ProjectClient.run(nobody, List.of("SIZE"), new PrintStream(new ByteArrayOutputStream())));

        assertEquals(Failure.INCOMPLETE, failure.exitCode());
    }

    /** Runs the client's conversation and returns the lines it printed. */
    private List<String> talk(String... commands) throws Failure {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            ProjectClient.run((InetSocketAddress) listener.getLocalSocketAddress(), List.of(commands), out);
        }
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
