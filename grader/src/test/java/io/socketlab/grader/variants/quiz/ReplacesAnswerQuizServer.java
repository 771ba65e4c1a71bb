package io.socketlab.grader.variants.quiz;

import java.io.IOException;

/** Mistake: a second ANSWER in a round replaces the first (and is accepted) instead of ERR already-answered; must lose QUIZ-8. */
public final class ReplacesAnswerQuizServer extends QuizServerBase {

    public static void main(String[] args) throws IOException {
        new ReplacesAnswerQuizServer().run(args);
    }

    @Override
    boolean refusesSecondAnswer() {
        return false;
    }
}
