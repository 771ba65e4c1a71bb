package io.socketlab.student.quiz;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.logging.Logger;

/** The quiz client: joins a game and prints it, while a {@link QuizAnswerer} answers each question from stdin. */
public final class QuizClient {

    private static final Logger LOG = Logger.getLogger(QuizClient.class.getName());

    private static final String PROGRAM = "quiz client";
    private static final String USAGE = "QuizClient --host H --port N --team T";
    private static final int ANSWER_TIMEOUT_MS = 10_000; // QUIZ-13
    private static final int MAX_LINE_BYTES = 1 << 20;

    private QuizClient() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--host", "--port", "--team"), Set.of());
            args.expectNoPositionals();
            String team = args.requiredValue("--team");
            if (team.contains("\n") || team.contains("\r")) {
                throw args.usageError("a TEAM cannot contain a line break");
            }
            play(args.serverAddress(), team);
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/quiz.md)");
            System.exit(1);
        }
    }

    /**
     * Joins as {@code team} and plays until the server closes the connection after GAMEOVER.
     *
     * @throws Failure {@code Failure.refused} (exit 1) when the JOIN is refused,
     *     {@code Failure.incomplete} (exit 2) for everything else in QUIZ-13
     */
    private static void play(InetSocketAddress server, String team) throws Failure {
        // TODO(QUIZ-13): a Socket in try-with-resources; connect(server, ANSWER_TIMEOUT_MS) and
        //   setSoTimeout(ANSWER_TIMEOUT_MS). Connection refused, a SocketTimeoutException while
        //   an answer is owed, and any other IOException are Failure.incomplete(...).
        // TODO(QUIZ-12): send "JOIN <team>"; print its reply verbatim. An "ERR ..." reply is
        //   Failure.refused(...) (exit 1).
        // TODO(QUIZ-12): start a QuizAnswerer over socket.getOutputStream(), then in THIS thread
        //   print every line verbatim as it arrives (a LineReader over a BufferedInputStream,
        //   MAX_LINE_BYTES; Lines.write(System.out, line) flushes). After each "QUESTION ..."
        //   line call answerer.questionArrived(): the answerer reads stdin, this thread never does.
        // TODO(QUIZ-13): exit 0 when the server closes after "GAMEOVER ..."; a close before it is
        //   Failure.incomplete(...). Waiting for the other teams or for a round never times out:
        //   on SocketTimeoutException read again, unless an answer is owed and 10 s have passed:
        //   the close after GAMEOVER, or a reply to an ANSWER sent since the last line
        //   (answerer.lastAnswerNanos()).
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }
}
