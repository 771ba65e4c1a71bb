package io.socketlab.reference.quiz;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.GracefulShutdown;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/** The quiz server: checks its questions, then runs one {@link QuizGame} after another for whoever connects. */
public final class QuizServer {

    static final String PROGRAM = "quiz server";
    private static final String USAGE = "QuizServer --port N --players P --questions FILE [--rounds R]"
            + " [--answer-timeout-ms T] [--host H]";
    private static final Logger LOG = Logger.getLogger(QuizServer.class.getName());
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
        }
    }

    /** Listens on {@code address} and serves players until the process is terminated. */
    private static void serve(InetSocketAddress address, QuizGame game) throws Failure {
        try (ServerSocket listener = new ServerSocket()) {
            // Rebind at once after a restart, even while old connections linger in TIME_WAIT.
            listener.setReuseAddress(true);
            listener.bind(address);
            GracefulShutdown.install(listener); // QUIZ-11
            LOG.info(() -> "listening on port " + listener.getLocalPort());
            acceptPlayers(listener, game);
        } catch (IOException e) {
            throw Failure.usage("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage());
        }
    }

    /** Each connection gets its own thread, which reads that player's commands. */
    private static void acceptPlayers(ServerSocket listener, QuizGame game) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                new Thread(new QuizSession(client, game), "quiz " + client.getRemoteSocketAddress()).start();
            } catch (IOException e) {
                // Closed by the shutdown hook: just stop. Anything else must not end the loop.
                if (!listener.isClosed()) {
                    LOG.warning(() -> "accept failed: " + e.getMessage());
                }
            }
        }
    }
}
