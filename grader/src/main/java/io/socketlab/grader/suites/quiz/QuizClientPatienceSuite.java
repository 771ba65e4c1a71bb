package io.socketlab.grader.suites.quiz;

import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * QUIZ-13's waits, against fake servers that fall silent: waiting for the other teams is owed nothing and never times
 * out; a JOIN or an ANSWER unanswered for 10 s, or no close 10 s after GAMEOVER, ends the client with exit code 2 and
 * one stderr line, no sooner. The three clients run at once, so the test lasts one wait, not three.
 */
@ExerciseSuite(exercise = "quiz", program = Program.CLIENT)
class QuizClientPatienceSuite {

    private static final List<String> TEAM = List.of("--team", "red");
    /** Longer than the contract's 10 s: a client that counts them while nothing is owed gives up meanwhile. */
    private static final Duration SLOW_TEAM = Duration.ofSeconds(11);
    /** The contract's 10 s, less the moment between the grader seeing the silence begin and the client seeing it. */
    private static final Duration NO_SOONER = Duration.ofMillis(9500);
    private static final Text JOIN_SENT = Text.of("its JOIN", "su JOIN");
    private static final Text ANSWER_SENT = Text.of("its ANSWER", "su ANSWER");
    private static final Text GAMEOVER_SENT = Text.of("GAMEOVER", "GAMEOVER");

    @Requirement(clause = "QUIZ-13", points = 1)
    void waitsForTheGameButGivesUpOnASilentServer(ClientUnderTest client) throws Exception {
        Duration patience = client.timeouts().seconds(30);
        Text waitingForTheClose = Text.of("waiting, silent, for the client to give up and close",
                "esperando, en silencio, a que el cliente se rinda y cierre");

        AtomicLong joined = new AtomicLong();
        FakeTcpServer mute = client.fakeServer(connection -> {
            QuizFake.expectJoin(connection);
            joined.set(System.nanoTime());
            connection.expectClosed(waitingForTheClose, patience);
        });
        AtomicLong answered = new AtomicLong();
        FakeTcpServer stalling = client.fakeServer(connection -> {
            QuizFake.expectJoin(connection);
            connection.sendLine("WELCOME red 1/2");
            connection.expectNoLine(Text.of("what the client does while the second team is slow to join",
                            "lo que hace el cliente mientras el segundo equipo tarda en unirse"),
                    Text.of("waiting for the other teams is owed nothing: the client waits, however long",
                            "esperar a los demás equipos no es esperar una respuesta: el cliente espera lo que haga falta"),
                    SLOW_TEAM);
            QuizFake.sendTogether(connection, "JOINED blue 2/2", "START 1", "QUESTION 1 Capital of France?");
            connection.expectLine("ANSWER Paris");
            answered.set(System.nanoTime());
            connection.expectClosed(waitingForTheClose, patience);
        });
        AtomicLong over = new AtomicLong();
        FakeTcpServer lingering = client.fakeServer(connection -> {
            QuizFake.expectJoin(connection);
            QuizFake.sendTogether(connection, "WELCOME red 1/1", "START 1", "QUESTION 1 Capital of France?");
            connection.expectLine("ANSWER Paris");
            QuizFake.sendTogether(connection, "ACCEPTED 1", "RESULT 1 CORRECT París", "SCORES red:1", "GAMEOVER red");
            over.set(System.nanoTime());
            connection.expectClosed(waitingForTheClose, patience);
        });

        ClientUnderTest.Run unanswered = client.start(mute.port(), TEAM);
        unanswered.writeStdinAndClose(new byte[0]);
        ClientUnderTest.Run waiting = client.start(stalling.port(), TEAM);
        waiting.writeStdinAndClose(Bytes.utf8("Paris\n"));
        ClientUnderTest.Run finished = client.start(lingering.port(), TEAM);
        finished.writeStdinAndClose(Bytes.utf8("Paris\n"));

        unanswered.awaitExit(Text.of("the client whose JOIN is never answered", "el cliente cuyo JOIN nunca recibe respuesta"),
                        patience)
                .expectServedBy(mute).expectExitCode(2).expectOneErrorLine()
                .expectGaveUpNoSoonerThan(NO_SOONER, joined.get(), JOIN_SENT);
        waiting.awaitExit(Text.of("the client whose ANSWER is never answered", "el cliente cuyo ANSWER nunca recibe respuesta"),
                        patience)
                .expectServedBy(stalling)
                .expectPrinted("WELCOME red 1/2", "JOINED blue 2/2", "START 1", "QUESTION 1 Capital of France?")
                .expectExitCode(2).expectOneErrorLine()
                .expectGaveUpNoSoonerThan(NO_SOONER, answered.get(), ANSWER_SENT);
        finished.awaitExit(Text.of("the client after a GAMEOVER the server never closes",
                                "el cliente tras un GAMEOVER que el servidor nunca cierra"), patience)
                .expectServedBy(lingering)
                .expectPrinted("WELCOME red 1/1", "START 1", "QUESTION 1 Capital of France?", "ACCEPTED 1",
                        "RESULT 1 CORRECT París", "SCORES red:1", "GAMEOVER red")
                .expectExitCode(2).expectOneErrorLine()
                .expectGaveUpNoSoonerThan(NO_SOONER, over.get(), GAMEOVER_SENT);
    }
}
