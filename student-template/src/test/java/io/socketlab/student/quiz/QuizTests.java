package io.socketlab.student.quiz;

import static io.socketlab.student.Todo.unlessTodo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** quiz: the given command line, and how to test a pure function of yours: answer matching (QUIZ-6). */
class QuizTests {

    @Test
    void aGameNeedsAtLeastOnePlayer() throws Failure {
        Args args = Args.parse("QuizServer --port N --players P --questions FILE",
                new String[] {"--port", "7", "--players", "0", "--questions", "q.json"},
                Set.of("--port", "--players", "--questions"), Set.of());

        Failure failure = assertThrows(Failure.class, () -> args.intValue("--players", 0, 1, Integer.MAX_VALUE));

        assertEquals(Failure.USAGE, failure.exitCode());
    }

    @Test
    void caseAccentsAndSpacesDoNotCount() throws Exception {
        boolean match = unlessTodo("Answers.normalise", () -> Answers.match("  triangulo\u00a0 RECTÁNGULO ",
                "Triángulo Rectángulo"));

        assertTrue(match);
        assertFalse(Answers.match("triangulos rectangulos", "Triángulo Rectángulo"));
    }
}
