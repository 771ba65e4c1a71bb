package io.socketlab.grader.variants.quiz;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Mistake: at a round's end it sends each player in turn its RESULT, the SCORES and the next QUESTION,
 * so the first player gets QUESTION i+1 before the others got RESULT i; must lose QUIZ-5.
 */
public final class UnsyncRoundsQuizServer extends QuizServerBase {

    public static void main(String[] args) throws IOException {
        new UnsyncRoundsQuizServer().run(args);
    }

    @Override
    void publishRoundEnd(List<Player> players, Map<Player, String> results, String scores, String next) {
        for (Player p : players) {
            send(p, results.get(p));
            send(p, scores);
            send(p, next);
            try {
                Thread.sleep(300); // the per-player work (a thread per player in the classic version)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
