package io.socketlab.grader.suites.quiz.hidden;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Visibility;
import io.socketlab.grader.probe.Facts;
import io.socketlab.grader.suites.quiz.Player;
import java.util.List;

/**
 * The quiz server's hidden test: players who leave before the start, and a game whose players all vanish (QUIZ-9),
 * the state a student should reason out from the spec, not tune against a visible probe.
 */
@ExerciseSuite(exercise = "quiz", program = Program.SERVER, freshServerPerTest = true)
class QuizServerHiddenSuite {

    @Requirement(clause = "QUIZ-9", points = 1, visibility = Visibility.HIDDEN)
    void handlesDisconnectsBeforeAndAfterTheStart(ServerUnderTest server) throws Exception {
        Player.newGame(server, 3, "--rounds", "1");
        Player first = Player.join(server, "first", 1, 3);
        Player gone = Player.join(server, "gone", 2, 3);
        first.expect("JOINED gone 2/3");
        Player.connect(server, "lurker").probe.close();
        gone.probe.close();
        // Waiting players are told LEFT (specs/quiz.md#quiz-9): once first hears it, the place is free.
        first.expect("LEFT gone");
        Player third = Player.join(server, "third", 2, 3);
        first.expect("JOINED third 2/3");
        Player fourth = Player.join(server, "fourth", 3, 3);
        for (Player player : List.of(first, third, fourth)) {
            player.probe.reset();
        }
        // Everyone vanished mid-game: once the server has noticed, the next player starts a fresh game.
        long deadline = System.nanoTime() + server.timeouts().seconds(5).toNanos();
        Text step = Text.of("JOIN after every player of the running game vanished",
                "JOIN tras desaparecer todos los jugadores");
        while (true) {
            Player next = Player.connect(server, "next");
            next.send("JOIN next");
            String reply = next.probe.readLine(step);
            if (reply.equals("WELCOME next 1/3")) {
                return;
            }
            if (!reply.equals("ERR game-started") || System.nanoTime() > deadline) {
                throw ConformanceFailure.wrongOutput(step, Facts.quoted("WELCOME next 1/3").plus(Text.of(" (a fresh game)",
                        " (una partida nueva)")), Facts.quoted(reply));
            }
            next.probe.close();
        }
    }
}
