package io.socketlab.grader.variants.quiz;

import java.io.IOException;

/**
 * Mistake: a player who disconnects is not removed, so the round waits for its answer until the
 * timeout and it stays in SCORES; must lose QUIZ-9.
 */
public final class StuckOnDisconnectQuizServer extends QuizServerBase {

    public static void main(String[] args) throws IOException {
        new StuckOnDisconnectQuizServer().run(args);
    }

    @Override
    void playerLost(Game g, Player player) {
        // forgotten: the seat stays taken
    }
}
