package io.socketlab.grader.suites.quiz;

import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The quiz client against a fake quiz server: JOIN, verbatim printing as lines arrive, one answer per question. */
@ExerciseSuite(exercise = "quiz", program = Program.CLIENT)
class QuizClientSuite {

    private static final Text EXIT = Text.of("the client's exit code", "el código de salida del cliente");
    private static final Text SENT = Text.of("what the client sent", "lo que envió el cliente");
    private static final Text OUTPUT = Text.of("the client's stdout", "la salida estándar del cliente");

    private static void expectNothing(TcpProbe connection, String why) throws IOException {
        connection.expectNoLine(SENT, why, Duration.ofMillis(700));
    }

    private static final List<String> ONE_ROUND = List.of("WELCOME red 1/1", "START 1", "QUESTION 1 Capital of France?",
            "ACCEPTED 1", "RESULT 1 CORRECT París", "SCORES red:1", "GAMEOVER red");

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
        ClientResult result = client.run(fake.port(), List.of("--team", "red"), Bytes.utf8("Paris\n"));
        result.expectConnectedTo(fake);
        fake.verify(SENT, Duration.ofSeconds(1));
        result.expectStdoutLines(OUTPUT, ONE_ROUND).expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "QUIZ-12", points = 1)
    void answersOnePerQuestion(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            connection.expectLine(SENT, "JOIN red");
            connection.sendLine("WELCOME red 1/1");
            connection.sendLine("START 3");
            expectNothing(connection, "no QUESTION has been sent yet");
            connection.sendLine("QUESTION 1 First?");
            connection.expectLine(SENT, "ANSWER first answer");
            connection.sendLine("ACCEPTED 1");
            connection.sendLine("RESULT 1 WRONG one");
            connection.sendLine("SCORES red:0");
            expectNothing(connection, "QUESTION 2 has not been sent yet");
            connection.sendLine("QUESTION 2 Second?");
            connection.expectLine(SENT, "ANSWER second answer");
            connection.sendLine("ACCEPTED 2");
            connection.sendLine("RESULT 2 WRONG two");
            connection.sendLine("SCORES red:0");
            connection.sendLine("QUESTION 3 Third?");
            expectNothing(connection, "stdin has ended: there is no third answer");
            connection.sendLine("RESULT 3 TIMEOUT three");
            connection.sendLine("SCORES red:0");
            connection.sendLine("GAMEOVER red");
        });
        ClientResult result = client.run(fake.port(), List.of("--team", "red"), Bytes.utf8("first answer\nsecond answer\n"));
        result.expectConnectedTo(fake);
        fake.verify(SENT, Duration.ofSeconds(1));
        result.expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "QUIZ-12", points = 1)
    void printsWhileStdinIsIdle(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            connection.expectLine(SENT, "JOIN red");
            for (String line : ONE_ROUND.subList(0, 3)) {
                connection.sendLine(line);
            }
            connection.expectLine(SENT, "ANSWER late but fine", connection.replyTimeout().multipliedBy(2));
            for (String line : ONE_ROUND.subList(3, ONE_ROUND.size())) {
                connection.sendLine(line);
            }
        });
        ClientUnderTest.Run run = client.start(fake.port(), List.of("--team", "red"));
        run.awaitStdoutLine(Text.of("the client's stdout with stdin idle", "la salida del cliente con la entrada inactiva"),
                "QUESTION 1 Capital of France?", Duration.ofSeconds(3));
        run.type("late but fine\n").endStdin();
        ClientResult result = run.awaitExit(EXIT, client.timeouts().seconds(10));
        result.expectConnectedTo(fake);
        fake.verify(SENT, Duration.ofSeconds(1));
        result.expectExitCode(EXIT, 0);
    }

    @Requirement(clause = "QUIZ-13", points = 1)
    void exitsOneWhenJoinRefused(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            connection.expectLine(SENT, "JOIN red");
            connection.sendLine("ERR team-taken");
            connection.readUntilClosed(Text.of("waiting for the client to leave", "esperando a que el cliente se vaya"), 1 << 16,
                    connection.replyTimeout());
        });
        ClientResult result = client.run(fake.port(), List.of("--team", "red"), Bytes.utf8("an answer\n"));
        result.expectConnectedTo(fake).expectExitCode(EXIT, 1)
                .expectErrorLine(Text.of("stderr after a refused JOIN", "stderr tras un JOIN rechazado"));
    }

    @Requirement(clause = "QUIZ-13", points = 1)
    void exitsTwoWhenRefusedOrCutShort(ClientUnderTest client) throws Exception {
        client.expectExitTwoWhenRefused(List.of("--team", "red"));
        FakeTcpServer silent = client.fakeServer(connection -> connection.expectLine(SENT, "JOIN red"));
        client.run(silent.port(), List.of("--team", "red"), new byte[0]).expectConnectedTo(silent)
                .expectExitCode(Text.of("exit code after a close before the reply to JOIN",
                        "código de salida tras un cierre antes de la respuesta a JOIN"), 2)
                .expectErrorLine(Text.of("stderr after a close before the reply to JOIN",
                        "stderr tras un cierre antes de la respuesta a JOIN"));
        FakeTcpServer quitting = client.fakeServer(connection -> {
            connection.expectLine(SENT, "JOIN red");
            connection.sendLine("WELCOME red 1/1");
            connection.sendLine("START 3");
        });
        client.run(quitting.port(), List.of("--team", "red"), new byte[0]).expectConnectedTo(quitting)
                .expectExitCode(Text.of("exit code after a close before GAMEOVER", "código de salida tras un cierre antes de GAMEOVER"), 2)
                .expectErrorLine(Text.of("stderr after a close before GAMEOVER", "stderr tras un cierre antes de GAMEOVER"));
    }
}
