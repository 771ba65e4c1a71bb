package io.socketlab.grader.suites.quiz;

import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.Facts;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * QUIZ-4's deadline: T counts from the question, whatever the answers do, and an answer read after it does not count.
 *
 * <p>Four players, T = 1.2 s. Three answer at 0, 0.35 T and 0.75 T: a server that waits a full T again after every
 * answer, instead of what is left of one deadline, would end the round at 1.75 T. The fourth answers at T + 0.5 s if it
 * has no RESULT by then. A correct server ended the round at T: its RESULT is already on the way, and the late answer
 * does not count. One that checks the time only now and then, or has no timeout at all, takes the answer for round 1;
 * one that waits again after each answer may refuse it (ERR no-question) but has not ended the round.
 *
 * <p>Times are measured by the grader from when it had every QUESTION 1, which is after the server sent them: a busy
 * grader only answers later, which a correct server treats as it must (an answer it reads after T is for no round).
 */
final class RoundDeadline {

    private static final String CORRECT = "París";

    private RoundDeadline() {
    }

    /** One player's part: what it answers and when (a fraction of T from the question, or T plus a margin). */
    private record Turn(Player player, String answer, long atNanos) {
    }

    static void expectRoundEndsAtTheDeadline(ServerUnderTest server) throws Exception {
        Duration t = server.timeouts().seconds(1.2);
        Duration margin = server.timeouts().seconds(0.5);
        Player.newGame(server, 4, "--rounds", "1", "--answer-timeout-ms", Long.toString(t.toMillis()));
        List<Player> players = Player.started(server, 1, "first", "second", "third", "fourth");
        long asked = System.nanoTime();
        List<Turn> turns = List.of(
                new Turn(players.get(0), "paris", asked),
                new Turn(players.get(1), "lyon", asked + t.toNanos() * 35 / 100),
                new Turn(players.get(2), "PARIS", asked + t.toNanos() * 75 / 100));
        List<String> verdicts = new ArrayList<>();
        List<Boolean> resultRead = new ArrayList<>();
        for (Turn turn : turns) {
            String early = waitUntil(turn.player, turn.atNanos);
            boolean answered = early == null && answerInTime(turn);
            resultRead.add(early != null);
            verdicts.add(!answered ? "TIMEOUT" : Player.normalisedEquals(turn.answer, CORRECT) ? "CORRECT" : "WRONG");
            if (early != null) {
                expectResult(turn.player, early, "TIMEOUT");
            }
        }
        Player fourth = players.get(3);
        String early = waitUntil(fourth, asked + t.toNanos() + margin.toNanos());
        if (early == null) {
            answerLate(fourth, t, margin);
        } else {
            expectResult(fourth, early, "TIMEOUT");
        }
        verdicts.add("TIMEOUT");
        resultRead.add(true);
        List<String> scores = new ArrayList<>();
        List<String> winners = new ArrayList<>();
        boolean anyCorrect = verdicts.contains("CORRECT");
        for (int i = 0; i < players.size(); i++) {
            boolean point = verdicts.get(i).equals("CORRECT");
            scores.add(players.get(i).team + ":" + (point ? 1 : 0));
            if (point || !anyCorrect) {
                winners.add(players.get(i).team);
            }
        }
        for (int i = 0; i < players.size(); i++) {
            Player player = players.get(i);
            if (!resultRead.get(i)) {
                expectResult(player, player.probe.readLine(resultStep(player)), verdicts.get(i));
            }
            player.expect("SCORES " + String.join(" ", scores));
            player.expect("GAMEOVER " + String.join(",", winners));
        }
    }

    /** Waits until {@code atNanos} for a line; returns it (the round ended first), or null when none came. */
    private static String waitUntil(Player player, long atNanos) throws IOException {
        long left = atNanos - System.nanoTime();
        if (left <= 0) {
            return null;
        }
        try {
            return player.probe.readLine(resultStep(player), Duration.ofNanos(left));
        } catch (ConformanceFailure failure) {
            if (failure.kind() == FailureKind.TIMEOUT) {
                return null;
            }
            throw failure;
        }
    }

    /**
     * Sends the turn's answer, meant to come before T; true if it was accepted. A busy grader may send it after T, and
     * the server then rightly refuses it (ERR no-question), or ends the round first (its RESULT, read later).
     */
    private static boolean answerInTime(Turn turn) throws IOException {
        turn.player.send("ANSWER " + turn.answer);
        String reply = turn.player.probe.readLine(resultStep(turn.player));
        if (reply.equals("ACCEPTED 1")) {
            return true;
        }
        if (reply.equals("ERR no-question")) {
            return false;
        }
        if (reply.startsWith("RESULT 1 ")) {
            // The round ended before the server read an answer the grader meant to send well before T: the grader
            // was held up (a busy machine), which says nothing of the server. Run again.
            throw new HarnessException(Text.of("the grader sent " + turn.player.team + "'s answer too late to test the"
                    + " deadline (the round had already ended): a busy machine; run again",
                    "el evaluador envió la respuesta de " + turn.player.team + " demasiado tarde para probar el plazo (la"
                    + " ronda ya había terminado): máquina ocupada; vuelve a ejecutar"));
        }
        throw ConformanceFailure.wrongOutput(Text.of("reply to ANSWER " + turn.answer + " from " + turn.player.team,
                "respuesta a ANSWER " + turn.answer + " de " + turn.player.team), Facts.quoted("ACCEPTED 1"), Facts.quoted(reply));
    }

    /** The answer past the deadline: the round has ended, so the RESULT comes first, and the answer does not count. */
    private static void answerLate(Player player, Duration t, Duration margin) throws IOException {
        player.send("ANSWER paris");
        Text step = Text.of("reply to an ANSWER sent " + millis(t.plus(margin)) + " after QUESTION 1, with T = " + millis(t),
                "respuesta a un ANSWER enviado " + millis(t.plus(margin)) + " después de QUESTION 1, con T = " + millis(t));
        String line = player.probe.readLine(step);
        if (!line.startsWith("RESULT 1 ")) {
            throw ConformanceFailure.wrongOutput(step, Text.format("%s, sent when the round ended at T, before anything about"
                    + " this answer", "%s, enviado al terminar la ronda en T, antes de nada sobre esta respuesta",
                    Bytes.quote("RESULT 1 TIMEOUT " + CORRECT)), Facts.quoted(line));
        }
        expectResult(player, line, "TIMEOUT");
    }

    private static void expectResult(Player player, String line, String verdict) {
        String expected = "RESULT 1 " + verdict + " " + CORRECT;
        if (!line.equals(expected)) {
            throw ConformanceFailure.wrongOutput(resultStep(player), Facts.quoted(expected), Facts.quoted(line));
        }
    }

    private static Text resultStep(Player player) {
        return Text.of("what " + player.team + " receives in a round with a deadline", "lo que recibe " + player.team
                + " en una ronda con plazo");
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }
}
