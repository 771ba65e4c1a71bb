package io.socketlab.grader.suites.echo;

import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.FakeTcpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ECHO-8's Decision on when the TCP client gives up, against fake servers that misbehave: a user who types nothing is
 * owed nothing and never times out; bytes sent and not echoed for 10 s end the client with exit code 2 and one stderr
 * line, no sooner; so does a server that closes before the end of the input. The two clients run at once.
 */
@ExerciseSuite(exercise = "echo", program = Program.CLIENT)
class EchoClientPatienceSuite {

    /** Longer than the contract's 10 s: a client that counts them while stdin is quiet gives up meanwhile. */
    private static final Duration QUIET_USER = Duration.ofSeconds(11);
    /** The contract's 10 s, less the moment between the grader seeing the silence begin and the client seeing it. */
    private static final Duration NO_SOONER = Duration.ofMillis(9500);

    @Requirement(clause = "ECHO-8", points = 1)
    void waitsForTheUserButGivesUpOnAMissingEchoOrAnEarlyClose(ClientUnderTest client) throws Exception {
        Duration patience = client.timeouts().seconds(30);
        CountDownLatch quietOver = new CountDownLatch(1);
        AtomicLong pingArrived = new AtomicLong();
        FakeTcpServer swallowing = client.fakeServer(connection -> {
            connection.expectNoLine(Text.of("what the client sends while its user types nothing",
                            "lo que envía el cliente mientras su usuario no escribe nada"),
                    Text.of("a quiet user is owed nothing: the client waits, however long",
                            "un usuario callado no espera ninguna respuesta: el cliente espera lo que haga falta"),
                    QUIET_USER);
            quietOver.countDown();
            connection.expectLine("ping");
            pingArrived.set(System.nanoTime());
            // Never echoed: the client owes its user an echo it will not get.
            connection.expectClosed(Text.of("waiting, silent, for the client to give up and close",
                    "esperando, en silencio, a que el cliente se rinda y cierre"), patience);
        });
        FakeTcpServer leaving = client.fakeServer(connection -> connection.expectLine("first").sendLine("first"));

        ClientUnderTest.Run typing = client.start(swallowing.port(), List.of());
        ClientUnderTest.Run cutShort = client.start(leaving.port(), List.of());
        cutShort.type("first\n");
        // The user types once the fake has seen 11 s of quiet (or has failed: its verdict then says why).
        quietOver.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        typing.type("ping\n");

        cutShort.awaitExit().expectServedBy(leaving).expectExitCode(Text.of(
                        "exit code after the server closed before the end of the input (stdin still open)",
                        "código de salida tras cerrar el servidor antes del final de la entrada (stdin aún abierta)"), 2)
                .expectOneErrorLine();
        typing.awaitExit(Text.of("the client whose bytes are never echoed", "el cliente cuyos bytes nunca vuelven"), patience)
                .expectServedBy(swallowing).expectExitCode(2).expectOneErrorLine()
                .expectGaveUpNoSoonerThan(NO_SOONER, pingArrived.get(), Text.of("its \"ping\\n\"", "su \"ping\\n\""));
    }
}
