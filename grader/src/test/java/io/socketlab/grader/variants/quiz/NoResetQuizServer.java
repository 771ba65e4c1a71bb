package io.socketlab.grader.variants.quiz;

import java.io.IOException;

/** Mistake: after GAMEOVER it never starts a fresh game, so later JOINs get {@code ERR game-started}; must lose QUIZ-7. */
public final class NoResetQuizServer extends QuizServerBase {

    public static void main(String[] args) throws IOException {
        new NoResetQuizServer().run(args);
    }

    @Override
    void afterGameOver() {
        // the finished game stays the current one
    }
}
