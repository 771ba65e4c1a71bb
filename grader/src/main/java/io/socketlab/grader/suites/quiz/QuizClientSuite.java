package io.socketlab.grader.suites.quiz;

import static io.socketlab.grader.suites.quiz.QuizFake.SENT;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import java.time.Duration;
import java.util.List;

/**
 * The quiz client against a fake quiz server: JOIN, verbatim printing as lines arrive, one answer per question, its
 * exit codes. Past the baseline the fake is hostile as TCP allows: lines glued together or one byte at a time, a close
 * that comes a while after GAMEOVER, and what the client sends must end in LF alone.
 */
@ExerciseSuite(exercise = "quiz", program = Program.CLIENT)
class QuizClientSuite {

    private static final Text EXIT = Text.of("the client's exit code", "el código de salida del cliente");
    private static final Text OUTPUT = Text.of("the client's stdout", "la salida estándar del cliente");
    private static final List<String> TEAM = List.of("--team", "red");

    private static final List<String> ONE_ROUND = List.of("WELCOME red 1/1", "START 1", "QUESTION 1 Capital of France?",
            "ACCEPTED 1", "RESULT 1 CORRECT París", "SCORES red:1", "GAMEOVER red");

    /** An interactive client's time to print a line: room for a JVM to start on a busy machine. */
    private static Duration printedWithin(ClientUnderTest client) {
        return client.timeouts().seconds(10);
    }

    @Baseline
    @Requirement(clause = "QUIZ-12", points = 1)
    void playsOneRound(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            connection.expectLine(SENT, "JOIN red");
            for (String line : ONE_ROUND.subList(0, 3)) {
                connection.sendLine(line);
            }
            connection.expectLine(SENT, "ANSWER Paris");
            for (String line : ONE_ROUND.subList(3, ONE_ROUND.size())) {
                connection.sendLine(line);
            }
        });
        ClientResult result = client.run(fake.port(), TEAM, Bytes.utf8("Paris\n"));
        result.expectConnectedTo(fake);
        fake.verify(SENT, Duration.ofSeconds(1));
        result.expectStdoutLines(OUTPUT, ONE_ROUND).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "QUIZ-12", points = 1)
    void answersOnePerQuestionHoweverLinesArrive(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            QuizFake.expectClientLine(connection, "JOIN red");
            QuizFake.sendTogether(connection, "WELCOME red 1/1", "START 5");
            QuizFake.expectNothing(connection, "no QUESTION has been sent yet");
            connection.sendLine("QUESTION 1 First?");
            QuizFake.expectClientLine(connection, "ANSWER first answer");
            QuizFake.sendTogether(connection, "ACCEPTED 1", "RESULT 1 WRONG one", "SCORES red:0", "QUESTION 2 Second?");
            QuizFake.expectClientLine(connection, "ANSWER   spaced  ");
            QuizFake.sendTogether(connection, "ACCEPTED 2", "RESULT 2 WRONG two", "SCORES red:0");
            QuizFake.sendByteByByte(connection, "QUESTION 3 Third?");
            QuizFake.expectClientLine(connection, "ANSWER ");
            QuizFake.sendTogether(connection, "ACCEPTED 3", "RESULT 3 WRONG three", "SCORES red:0", "QUESTION 4 Fourth?");
            QuizFake.expectClientLine(connection, "ANSWER last without LF");
            QuizFake.sendTogether(connection, "ACCEPTED 4", "RESULT 4 WRONG four", "SCORES red:0", "QUESTION 5 Fifth?");
            QuizFake.expectNothing(connection, "stdin has ended: there is no fifth answer");
            QuizFake.sendTogether(connection, "RESULT 5 TIMEOUT five", "SCORES red:0", "GAMEOVER red");
            QuizFake.closeAfterGameOver(connection);
        });
        ClientResult result = client.run(fake.port(), TEAM, Bytes.utf8("first answer\r\n  spaced  \n\nlast without LF"));
        result.expectConnectedTo(fake);
        fake.verify(SENT, Duration.ofSeconds(1));
        result.expectStdoutLines(OUTPUT, List.of("WELCOME red 1/1", "START 5", "QUESTION 1 First?", "ACCEPTED 1",
                "RESULT 1 WRONG one", "SCORES red:0", "QUESTION 2 Second?", "ACCEPTED 2", "RESULT 2 WRONG two", "SCORES red:0",
                "QUESTION 3 Third?", "ACCEPTED 3", "RESULT 3 WRONG three", "SCORES red:0", "QUESTION 4 Fourth?", "ACCEPTED 4",
                "RESULT 4 WRONG four", "SCORES red:0", "QUESTION 5 Fifth?", "RESULT 5 TIMEOUT five", "SCORES red:0",
                "GAMEOVER red")).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "QUIZ-12", points = 1)
    void printsWhileStdinIsIdle(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            QuizFake.expectClientLine(connection, "JOIN red");
            QuizFake.sendTogether(connection, "WELCOME red 1/2", "JOINED blue 2/2", "START 1", "QUESTION 1 Capital of France?");
            QuizFake.sendByteByByte(connection, "LEFT blue");
            QuizFake.expectClientLine(connection, "ANSWER late but fine");
            QuizFake.sendTogether(connection, "ACCEPTED 1", "RESULT 1 WRONG París", "SCORES red:0", "GAMEOVER red");
            QuizFake.closeAfterGameOver(connection);
        });
        ClientUnderTest.Run run = client.start(fake.port(), TEAM);
        // The player thinks: LEFT arrives while the client waits for its answer, and must be printed at once.
        run.awaitStdoutLine(Text.of("the client's stdout while nobody types", "la salida del cliente mientras nadie escribe"),
                "LEFT blue", printedWithin(client));
        // stdin stays open: the server's close ends the client, not the end of its input.
        run.type("late but fine\n");
        ClientResult result = run.awaitExit(Text.of("waiting for the client to exit after GAMEOVER, stdin still open",
                "esperando a que el cliente termine tras GAMEOVER, con la entrada aún abierta"), client.timeouts().seconds(10));
        result.expectConnectedTo(fake);
        fake.verify(SENT, Duration.ofSeconds(1));
        result.expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "QUIZ-13", points = 1)
    void exitsOneWhenJoinRefusedAndGoesOnAfterLaterErrors(ClientUnderTest client) throws Exception {
        FakeTcpServer refusing = client.fakeServer(connection -> {
            QuizFake.expectClientLine(connection, "JOIN red");
            QuizFake.sendByteByByte(connection, "ERR team-taken");
            String more = QuizFake.clientLineOrClose(connection, connection.replyTimeout());
            if (more != null) {
                throw ConformanceFailure.wrongOutput(SENT, "nothing after the refused JOIN, then the close",
                        Bytes.quote(more));
            }
        });
        ClientResult refused = client.run(refusing.port(), TEAM, Bytes.utf8("an answer\n"));
        refused.expectConnectedTo(refusing);
        refusing.verify(SENT, Duration.ofSeconds(1));
        refused.expectStdoutLines(Text.of("the client's stdout after a refused JOIN", "la salida del cliente tras un JOIN rechazado"),
                        List.of("ERR team-taken"))
                .expectExitCode(EXIT, 1)
                .expectErrorLine(Text.of("stderr after a refused JOIN", "stderr tras un JOIN rechazado"));
        // Once joined, an ERR is printed and the game goes on.
        FakeTcpServer erring = client.fakeServer(connection -> {
            QuizFake.expectClientLine(connection, "JOIN red");
            QuizFake.sendTogether(connection, "WELCOME red 1/1", "START 1", "QUESTION 1 Capital of France?");
            QuizFake.expectClientLine(connection, "ANSWER x");
            QuizFake.sendTogether(connection, "ERR already-answered", "RESULT 1 WRONG París", "SCORES red:0", "GAMEOVER red");
            QuizFake.closeAfterGameOver(connection);
        });
        ClientResult goesOn = client.run(erring.port(), TEAM, Bytes.utf8("x\n"));
        goesOn.expectConnectedTo(erring);
        erring.verify(SENT, Duration.ofSeconds(1));
        goesOn.expectStdoutLines(Text.of("the client's stdout, an ERR after WELCOME included", "la salida del cliente, con un ERR tras WELCOME"),
                        List.of("WELCOME red 1/1", "START 1", "QUESTION 1 Capital of France?", "ERR already-answered",
                                "RESULT 1 WRONG París", "SCORES red:0", "GAMEOVER red"))
                .expectExitCode(Text.of("exit code after an ERR once joined, then GAMEOVER", "código de salida tras un ERR ya unido y luego GAMEOVER"), 0);
    }

    @Requirement(clause = "QUIZ-13", points = 1)
    void exitsTwoWhenRefusedOrCutShort(ClientUnderTest client) throws Exception {
        client.expectExitTwoWhenRefused(TEAM);
        FakeTcpServer silent = client.fakeServer(connection -> connection.expectLine(SENT, "JOIN red"));
        client.run(silent.port(), TEAM, new byte[0]).expectConnectedTo(silent)
                .expectExitCode(Text.of("exit code after a close before the reply to JOIN",
                        "código de salida tras un cierre antes de la respuesta a JOIN"), 2)
                .expectErrorLine(Text.of("stderr after a close before the reply to JOIN",
                        "stderr tras un cierre antes de la respuesta a JOIN"));
        FakeTcpServer quitting = client.fakeServer(connection -> {
            connection.expectLine(SENT, "JOIN red");
            connection.sendLine("WELCOME red 1/1");
            connection.sendLine("START 3");
        });
        client.run(quitting.port(), TEAM, new byte[0]).expectConnectedTo(quitting)
                .expectExitCode(Text.of("exit code after a close before GAMEOVER", "código de salida tras un cierre antes de GAMEOVER"), 2)
                .expectErrorLine(Text.of("stderr after a close before GAMEOVER", "stderr tras un cierre antes de GAMEOVER"));
    }
}
