package io.socketlab.grader.variants.quiz;

import java.io.IOException;

/**
 * Mistake: the last answer of a round wakes the round's end first and is acknowledged after it, as when the player's
 * thread writes ACCEPTED outside the lock once it has notified the game thread: the player receives RESULT, SCORES and
 * the next QUESTION before its ACCEPTED (QUIZ-5's "ACCEPTED after its RESULT"). Even the baseline's one-player round,
 * ended by its only answer, shows it: must lose QUIZ-1.
 */
public final class AcceptedAfterResultQuizServer extends QuizServerBase {

    public static void main(String[] args) throws IOException {
        new AcceptedAfterResultQuizServer().run(args);
    }

    @Override
    boolean acceptedAfterTheRoundEnds() {
        return true;
    }
}
