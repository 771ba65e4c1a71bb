package io.socketlab.grader.variants.quiz;

import java.io.IOException;

/** Mistake: ignores --answer-timeout-ms, so a round waits for ever for every answer; must lose QUIZ-4. */
public final class NoTimeoutQuizServer extends QuizServerBase {

    public static void main(String[] args) throws IOException {
        new NoTimeoutQuizServer().run(args);
    }

    @Override
    void scheduleTimeout(Game g, int i) {
        // never armed
    }
}
