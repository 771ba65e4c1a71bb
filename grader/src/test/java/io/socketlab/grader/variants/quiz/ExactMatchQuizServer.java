package io.socketlab.grader.variants.quiz;

import java.io.IOException;

/** Mistake: compares answers exactly (no trimming, case folding or accent removal); must lose QUIZ-6. */
public final class ExactMatchQuizServer extends QuizServerBase {

    public static void main(String[] args) throws IOException {
        new ExactMatchQuizServer().run(args);
    }

    @Override
    boolean matches(String given, String expected) {
        return given.equals(expected);
    }
}
