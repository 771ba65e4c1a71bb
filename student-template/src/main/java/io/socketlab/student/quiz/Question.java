package io.socketlab.student.quiz;

import io.socketlab.student.common.Failure;
import java.nio.file.Path;
import java.util.List;

/** One question of the quiz, and the answer that scores. */
record Question(String text, String answer) {

    /**
     * QUIZ-10: the questions of {@code file}, a non-empty JSON array of
     * {@code {"question": S, "answer": S}} objects, in file order.
     *
     * @throws Failure a usage error (exit code 2) that says what is wrong with the file
     */
    static List<Question> load(Path file) throws Failure {
        // TODO(QUIZ-10): parse the file with a Jackson ObjectMapper (readTree(file.toFile())). A
        //   file that cannot be read or is not JSON is Failure.usage("..."), in ONE line: for a
        //   JsonProcessingException use e.getOriginalMessage(), as getMessage() spans lines.
        //   Consider enabling DeserializationFeature.FAIL_ON_TRAILING_TOKENS: `[...] x` is no JSON.
        // TODO(QUIZ-10): the root must be a non-empty array (isArray(), isEmpty()); each element
        //   an object (isObject()) whose "question" and "answer" are strings (isTextual()), not
        //   blank and without a line break: QUESTION and RESULT lines carry them. Anything else
        //   is Failure.usage("...") saying which question is wrong.
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }
}
