package io.socketlab.student.quiz;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/** The quiz server: checks its questions, then runs one {@link QuizGame} after another for whoever connects. */
public final class QuizServer {

    private static final Logger LOG = Logger.getLogger(QuizServer.class.getName());

    static final String PROGRAM = "quiz server";
    private static final String USAGE = "QuizServer --port N --players P --questions FILE [--rounds R]"
            + " [--answer-timeout-ms T] [--host H]";
    private static final int DEFAULT_ANSWER_TIMEOUT_MS = 30_000; // QUIZ-4

    private QuizServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv,
                    Set.of("--port", "--host", "--players", "--questions", "--rounds", "--answer-timeout-ms"),
                    Set.of());
            args.expectNoPositionals();
            InetSocketAddress address = args.listenAddress();
            args.requiredValue("--players");
            int players = args.intValue("--players", 0, 1, Integer.MAX_VALUE);
            // QUIZ-10: every check is made before the server binds its port.
            List<Question> questions = Question.load(Path.of(args.requiredValue("--questions")));
            int rounds = args.intValue("--rounds", questions.size(), 1, questions.size());
            int answerTimeoutMs = args.intValue("--answer-timeout-ms", DEFAULT_ANSWER_TIMEOUT_MS, 1,
                    Integer.MAX_VALUE);
            serve(address, new QuizGame(questions.subList(0, rounds), players, answerTimeoutMs));
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/quiz.md)");
            System.exit(1);
        }
    }

    /**
     * Listens on {@code address} and serves players until the process is terminated.
     *
     * @throws Failure if the server cannot listen (use {@code Failure.usage(...)}: exit code 2)
     */
    private static void serve(InetSocketAddress address, QuizGame game) throws Failure {
        // TODO: open a ServerSocket in try-with-resources, setReuseAddress(true), bind(address);
        //   an IOException is Failure.usage("cannot listen on ...").
        // TODO(QUIZ-11): GracefulShutdown.install(listener), so that SIGTERM ends with exit code 0.
        // TODO: loop while the listener is open: accept() and start a new Thread running a
        //   QuizSession(client, game) for each client. An IOException must never end the loop.
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }
}
