package io.socketlab.grader.variants.quiz;

import java.io.IOException;

/** Control: the unbroken base quiz server, which should lose no clause. */
public final class CorrectQuizServer extends QuizServerBase {

    public static void main(String[] args) throws IOException {
        new CorrectQuizServer().run(args);
    }
}
