package io.socketlab.student.quiz;

import java.io.OutputStream;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * The quiz client's stdin side: a thread that, for each question, reads one stdin line and sends it
 * as the answer. It waits for stdin, so the thread that prints never has to (QUIZ-12).
 */
final class QuizAnswerer implements Runnable {

    private static final Logger LOG = Logger.getLogger(QuizAnswerer.class.getName());

    private static final int MAX_LINE_BYTES = 1 << 20;

    private final OutputStream server;
    // TODO(QUIZ-12): a java.util.concurrent.Semaphore with no permits: one permit per QUESTION
    //   received and not yet answered. The printing thread releases, this one acquires.

    private QuizAnswerer(OutputStream server) {
        this.server = server;
    }

    /** Starts the thread; only it writes to {@code server} from now on. */
    static QuizAnswerer start(OutputStream server) {
        // TODO(QUIZ-12): create the answerer and start a daemon Thread running it
        //   (setDaemon(true): once the game is over, the program ends even if stdin has not).
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }

    /** A QUESTION line has been printed: one more stdin line is to be sent as its answer. */
    void questionArrived() {
        // TODO(QUIZ-12): release one permit.
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }

    /** When the last ANSWER was sent, as a {@link System#nanoTime()} reading; empty if none has been. */
    OptionalLong lastAnswerNanos() {
        // TODO(QUIZ-13): this thread notes the time just before it sends each ANSWER, and the
        //   printing thread reads it: make those fields volatile, or it may never see them.
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }

    @Override
    public void run() {
        // TODO(QUIZ-12): loop: acquire a permit (acquireUninterruptibly()), so that stdin is read
        //   only once a question is there; read one line with a LineReader(System.in,
        //   MAX_LINE_BYTES); at its end (null) stop: nothing more is sent. Otherwise note the
        //   time and send "ANSWER " followed by the line's bytes, unchanged, in one Lines.write.
        // TODO: an IOException (stdin unreadable, or the connection gone) just ends the thread.
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }
}
