package io.socketlab.grader.variants.quiz;

import io.socketlab.grader.variants.VariantSupport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Mistake: reads every stdin line at the start and sends all the ANSWERs right after JOIN instead of
 * one per QUESTION; must lose QUIZ-12.
 */
public final class AnswersAllAtOnceQuizClient extends QuizClientBase {

    public static void main(String[] args) {
        new AnswersAllAtOnceQuizClient().run(args);
    }

    @Override
    void startAnswering() {
        Thread answering = new Thread(() -> {
            try {
                InputStream stdin = new BufferedInputStream(System.in);
                List<String> answers = new ArrayList<>();
                byte[] line;
                while ((line = VariantSupport.readLine(stdin, Long.MAX_VALUE, true)) != null) {
                    answers.add(new String(VariantSupport.stripCr(line), StandardCharsets.UTF_8));
                }
                for (String answer : answers) {
                    send("ANSWER " + answer);
                }
            } catch (IOException e) {
                // the reading side decides the exit code
            }
        }, "stdin-answers");
        answering.setDaemon(true);
        answering.start();
    }
}
