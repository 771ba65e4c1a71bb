package io.socketlab.grader.variants.quiz;

/** Control: the unbroken base quiz client, which should lose no clause. */
public final class CorrectQuizClient extends QuizClientBase {

    public static void main(String[] args) {
        new CorrectQuizClient().run(args);
    }
}
