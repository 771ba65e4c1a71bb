package io.socketlab.reference.quiz;

import io.socketlab.reference.common.LineReader;
import io.socketlab.reference.common.Lines;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;

/**
 * The quiz client's stdin side: a thread that, for each question, reads one stdin line and sends it
 * as the answer. It waits for stdin, so the thread that prints never has to (QUIZ-12).
 */
final class QuizAnswerer implements Runnable {

    private static final int MAX_LINE_BYTES = 1 << 20;
    private static final byte[] ANSWER = "ANSWER ".getBytes(StandardCharsets.UTF_8);
    private static final Logger LOG = Logger.getLogger(QuizAnswerer.class.getName());

    private final OutputStream server;
    // One permit per QUESTION received and not yet answered: the printing thread releases, this one acquires.
    private final Semaphore questions = new Semaphore(0);
    // Written by this thread, read by the printing one: volatile makes the write visible there.
    private volatile long lastAnswerNanos;
    private volatile boolean answered;

    private QuizAnswerer(OutputStream server) {
        this.server = server;
    }

    /** Starts the thread; only it writes to {@code server} from now on. */
    static QuizAnswerer start(OutputStream server) {
        QuizAnswerer answerer = new QuizAnswerer(server);
        Thread thread = new Thread(answerer, "quiz-answerer");
        // Once the game is over, the program ends even if stdin has not.
        thread.setDaemon(true);
        thread.start();
        return answerer;
    }

    /** A QUESTION line has been printed: one more stdin line is to be sent as its answer. */
    void questionArrived() {
        questions.release();
    }

    /** When the last ANSWER was sent, as a {@link System#nanoTime()} reading; empty if none has been. */
    OptionalLong lastAnswerNanos() {
        return answered ? OptionalLong.of(lastAnswerNanos) : OptionalLong.empty();
    }

    @Override
    public void run() {
        LineReader stdin = new LineReader(System.in, MAX_LINE_BYTES);
        try {
            while (true) {
                questions.acquireUninterruptibly(); // stdin is read only once a question is there
                byte[] line = stdin.readLine();
                if (line == null) {
                    LOG.fine("end of stdin: no more answers");
                    return; // QUIZ-12: at the end of stdin, nothing more is sent
                }
                // "ANSWER " and the line's bytes as they are, in one write.
                byte[] answer = new byte[ANSWER.length + line.length];
                System.arraycopy(ANSWER, 0, answer, 0, ANSWER.length);
                System.arraycopy(line, 0, answer, ANSWER.length, line.length);
                lastAnswerNanos = System.nanoTime(); // noted first: the reply may come at once
                answered = true;
                Lines.write(server, answer);
            }
        } catch (IOException e) {
            // stdin cannot be read, or the connection is gone (the printing thread reports that).
            LOG.fine(() -> "stops answering: " + e.getMessage());
        }
    }
}
