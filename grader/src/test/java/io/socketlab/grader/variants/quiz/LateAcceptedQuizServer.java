package io.socketlab.grader.variants.quiz;

import java.io.IOException;

/** Mistake: sends ACCEPTED only when the round ends, just before the RESULT; must lose QUIZ-3. */
public final class LateAcceptedQuizServer extends QuizServerBase {

    public static void main(String[] args) throws IOException {
        new LateAcceptedQuizServer().run(args);
    }

    @Override
    boolean acceptedAtOnce() {
        return false;
    }
}
