package io.socketlab.grader.suites.quiz;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.Slicing;
import java.util.List;

/**
 * The quiz client against a fake quiz server: JOIN, verbatim printing as lines arrive, one answer per question, its
 * exit codes. Past the baseline the fake is hostile as TCP allows: lines glued together or one byte at a time, a close
 * that comes a while after GAMEOVER, and what the client sends must end in LF alone.
 */
@ExerciseSuite(exercise = "quiz", program = Program.CLIENT)
class QuizClientSuite {

    private static final List<String> TEAM = List.of("--team", "red");

    private static final List<String> ONE_ROUND = List.of("WELCOME red 1/1", "START 1", "QUESTION 1 Capital of France?",
            "ACCEPTED 1", "RESULT 1 CORRECT París", "SCORES red:1", "GAMEOVER red");

    @Baseline
    @Requirement(clause = "QUIZ-12", points = 1)
    void playsOneRound(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            connection.expectLine("JOIN red");
            for (String line : ONE_ROUND.subList(0, 3)) {
                connection.sendLine(line);
            }
            connection.expectLine("ANSWER Paris");
            for (String line : ONE_ROUND.subList(3, ONE_ROUND.size())) {
                connection.sendLine(line);
            }
        });
        client.run(fake.port(), TEAM, Bytes.utf8("Paris\n"))
                .expectServedBy(fake)
                .expectPrinted(ONE_ROUND)
                .expectExitCode(0);
    }

    @Requirement(clause = "QUIZ-12", points = 1)
    void answersOnePerQuestionHoweverLinesArrive(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            QuizFake.expectJoin(connection);
            QuizFake.sendTogether(connection, "WELCOME red 1/1", "START 5");
            QuizFake.expectNothing(connection, Text.of("no QUESTION has been sent yet", "aún no se ha enviado ninguna QUESTION"));
            connection.sendLine("QUESTION 1 First?").expectLine("ANSWER first answer");
            QuizFake.sendTogether(connection, "ACCEPTED 1", "RESULT 1 WRONG one", "SCORES red:0", "QUESTION 2 Second?");
            connection.expectLine("ANSWER   spaced  ");
            QuizFake.sendTogether(connection, "ACCEPTED 2", "RESULT 2 WRONG two", "SCORES red:0");
            connection.send(Bytes.utf8("QUESTION 3 Third?\n"), Slicing.everyByte()).expectLine("ANSWER ");
            QuizFake.sendTogether(connection, "ACCEPTED 3", "RESULT 3 WRONG three", "SCORES red:0", "QUESTION 4 Fourth?");
            connection.expectLine("ANSWER last without LF");
            QuizFake.sendTogether(connection, "ACCEPTED 4", "RESULT 4 WRONG four", "SCORES red:0", "QUESTION 5 Fifth?");
            QuizFake.expectNothing(connection, Text.of("stdin has ended: there is no fifth answer",
                    "la entrada ha terminado: no hay quinta respuesta"));
            QuizFake.sendTogether(connection, "RESULT 5 TIMEOUT five", "SCORES red:0", "GAMEOVER red");
            QuizFake.closeAfterGameOver(connection);
        });
        client.run(fake.port(), TEAM, Bytes.utf8("first answer\r\n  spaced  \n\nlast without LF"))
                .expectServedBy(fake)
                .expectPrinted("WELCOME red 1/1", "START 5", "QUESTION 1 First?", "ACCEPTED 1", "RESULT 1 WRONG one",
                        "SCORES red:0", "QUESTION 2 Second?", "ACCEPTED 2", "RESULT 2 WRONG two", "SCORES red:0",
                        "QUESTION 3 Third?", "ACCEPTED 3", "RESULT 3 WRONG three", "SCORES red:0", "QUESTION 4 Fourth?",
                        "ACCEPTED 4", "RESULT 4 WRONG four", "SCORES red:0", "QUESTION 5 Fifth?", "RESULT 5 TIMEOUT five",
                        "SCORES red:0", "GAMEOVER red")
                .expectExitedAfterTheCloseOf(fake)
                .expectExitCode(0);
    }

    @Requirement(clause = "QUIZ-12", points = 1)
    void printsWhileStdinIsIdle(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            QuizFake.expectJoin(connection);
            QuizFake.sendTogether(connection, "WELCOME red 1/2", "JOINED blue 2/2", "START 1", "QUESTION 1 Capital of France?");
            connection.send(Bytes.utf8("LEFT blue\n"), Slicing.everyByte()).expectLine("ANSWER late but fine");
            QuizFake.sendTogether(connection, "ACCEPTED 1", "RESULT 1 WRONG París", "SCORES red:0", "GAMEOVER red");
            QuizFake.closeAfterGameOver(connection);
        });
        ClientUnderTest.Run run = client.start(fake.port(), TEAM);
        // The player thinks: LEFT arrives while the client waits for its answer, and must be printed at once. Then
        // it answers, with stdin left open: the server's close must end the client, not the end of its input.
        run.awaitPrinted("LEFT blue").type("late but fine\n");
        run.awaitExit().expectServedBy(fake).expectExitedAfterTheCloseOf(fake).expectExitCode(0);
    }

    @Requirement(clause = "QUIZ-13", points = 1)
    void exitsOneWhenJoinRefusedAndGoesOnAfterLaterErrors(ClientUnderTest client) throws Exception {
        FakeTcpServer refusing = client.fakeServer(connection -> {
            QuizFake.expectJoin(connection);
            // Nothing may follow the refused JOIN but the close.
            connection.send(Bytes.utf8("ERR team-taken\n"), Slicing.everyByte()).expectClosed();
        });
        client.run(refusing.port(), TEAM, Bytes.utf8("an answer\n"))
                .expectServedBy(refusing)
                .expectPrinted("ERR team-taken")
                .expectExitCode(1)
                .expectOneErrorLine();
        // Once joined, an ERR is printed and the game goes on.
        FakeTcpServer erring = client.fakeServer(connection -> {
            QuizFake.expectJoin(connection);
            QuizFake.sendTogether(connection, "WELCOME red 1/1", "START 1", "QUESTION 1 Capital of France?");
            connection.expectLine("ANSWER x");
            QuizFake.sendTogether(connection, "ERR already-answered", "RESULT 1 WRONG París", "SCORES red:0", "GAMEOVER red");
            QuizFake.closeAfterGameOver(connection);
        });
        client.run(erring.port(), TEAM, Bytes.utf8("x\n"))
                .expectServedBy(erring)
                .expectPrinted("WELCOME red 1/1", "START 1", "QUESTION 1 Capital of France?", "ERR already-answered",
                        "RESULT 1 WRONG París", "SCORES red:0", "GAMEOVER red")
                .expectExitedAfterTheCloseOf(erring)
                .expectExitCode(Text.of("exit code after an ERR once joined, then GAMEOVER", "código de salida tras un ERR ya unido"
                        + " y luego GAMEOVER"), 0);
    }

    @Requirement(clause = "QUIZ-13", points = 1)
    void exitsTwoWhenRefusedOrCutShort(ClientUnderTest client) throws Exception {
        client.expectExitTwoWhenRefused(TEAM);
        // Without --team: a usage error.
        client.run(client.refusedPort(), List.of(), new byte[0])
                .expectExitCode(Text.of("exit code without --team", "código de salida sin --team"), 2)
                .expectOneErrorLine();
        FakeTcpServer silent = client.fakeServer(connection -> connection.expectLine("JOIN red"));
        client.run(silent.port(), TEAM, new byte[0]).expectConnectedTo(silent)
                .expectExitCode(Text.of("exit code after a close before the reply to JOIN",
                        "código de salida tras un cierre antes de la respuesta a JOIN"), 2)
                .expectOneErrorLine();
        FakeTcpServer quitting = client.fakeServer(connection -> connection.expectLine("JOIN red")
                .sendLine("WELCOME red 1/1").sendLine("START 3"));
        client.run(quitting.port(), TEAM, new byte[0]).expectConnectedTo(quitting)
                .expectExitCode(Text.of("exit code after a close before GAMEOVER", "código de salida tras un cierre antes de GAMEOVER"), 2)
                .expectOneErrorLine();
    }
}
