package io.socketlab.grader.variants.quiz;

import io.socketlab.grader.variants.Variants.Variant;
import java.util.List;

/**
 * The quiz exercise's broken variants and their correct bases, registered in {@code Variants}: Java ones that override
 * one hook of a correct base, and Python habits under {@code grader/src/test/python/quiz/}, each replacing one function
 * of the correct classroom program beside it.
 */
public final class QuizVariants {

    private QuizVariants() {
    }

    /** Each loses its clause: a classic mistake of a quiz server or client. */
    public static final List<Variant> BROKEN = List.of(
            new Variant("quiz", "server", LateAcceptedQuizServer.class, "QUIZ-3"),
            new Variant("quiz", "server", UnsyncRoundsQuizServer.class, "QUIZ-5"),
            new Variant("quiz", "server", AcceptedAfterResultQuizServer.class, "QUIZ-1"),
            new Variant("quiz", "server", NoTimeoutQuizServer.class, "QUIZ-4"),
            new Variant("quiz", "server", ExactMatchQuizServer.class, "QUIZ-6"),
            new Variant("quiz", "server", StuckOnDisconnectQuizServer.class, "QUIZ-9"),
            new Variant("quiz", "server", NoResetQuizServer.class, "QUIZ-7"),
            new Variant("quiz", "server", GameStartedFirstQuizServer.class, "QUIZ-2"),
            new Variant("quiz", "server", ReplacesAnswerQuizServer.class, "QUIZ-8"),
            new Variant("quiz", "client", AnswersAllAtOnceQuizClient.class, "QUIZ-12"),
            new Variant("quiz", "client", ExitZeroOnJoinErrorQuizClient.class, "QUIZ-13"),
            Variant.python("quiz", "server", "quiz/unlocked_join_server.py", "QUIZ-1"),
            Variant.python("quiz", "server", "quiz/restarts_wait_server.py", "QUIZ-4"),
            Variant.python("quiz", "server", "quiz/polling_server.py", "QUIZ-4"),
            Variant.python("quiz", "server", "quiz/nfc_server.py", "QUIZ-6"),
            Variant.python("quiz", "server", "quiz/accent_table_server.py", "QUIZ-6"),
            Variant.python("quiz", "server", "quiz/recv_once_server.py", "QUIZ-8"),
            Variant.python("quiz", "server", "quiz/trusting_questions_server.py", "QUIZ-10"),
            Variant.python("quiz", "client", "quiz/recv_once_client.py", "QUIZ-12"),
            Variant.python("quiz", "client", "quiz/one_thread_client.py", "QUIZ-12"),
            Variant.python("quiz", "client", "quiz/exits_at_eof_client.py", "QUIZ-12"),
            Variant.python("quiz", "client", "quiz/strips_answers_client.py", "QUIZ-12"),
            Variant.python("quiz", "client", "quiz/crlf_client.py", "QUIZ-12"),
            Variant.python("quiz", "client", "quiz/exits_at_gameover_client.py", "QUIZ-13"),
            Variant.python("quiz", "client", "quiz/exits_on_any_err_client.py", "QUIZ-13"),
            Variant.python("quiz", "client", "quiz/endless_patience_client.py", "QUIZ-13"));

    public static final List<Variant> CORRECT = List.of(
            new Variant("quiz", "server", CorrectQuizServer.class, null),
            new Variant("quiz", "client", CorrectQuizClient.class, null),
            Variant.python("quiz", "server", "quiz/classroom_server.py", null),
            Variant.python("quiz", "client", "quiz/classroom_client.py", null));
}
