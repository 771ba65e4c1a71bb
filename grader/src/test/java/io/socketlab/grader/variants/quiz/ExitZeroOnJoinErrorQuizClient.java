package io.socketlab.grader.variants.quiz;

/** Mistake: on an ERR after JOIN it prints it and exits 0 instead of 1; must lose QUIZ-13. */
public final class ExitZeroOnJoinErrorQuizClient extends QuizClientBase {

    public static void main(String[] args) {
        new ExitZeroOnJoinErrorQuizClient().run(args);
    }

    @Override
    void onJoinRefused(String reply) {
        System.out.flush();
        System.exit(0);
    }
}
