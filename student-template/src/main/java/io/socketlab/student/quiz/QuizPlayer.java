package io.socketlab.student.quiz;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.logging.Logger;

/**
 * The sending side of one quiz connection. Both the game and the connection's own thread write to
 * it, so {@link #send} is synchronized: each line goes out whole, never interleaved with another.
 */
final class QuizPlayer {

    private static final Logger LOG = Logger.getLogger(QuizPlayer.class.getName());

    // The game writes while it holds its lock (QUIZ-5). Java has no timeout for a blocking write,
    // so a player that stops reading could freeze every game; this deadline closes its socket instead.
    private static final long WRITE_TIMEOUT_MS = 5_000;
    // QUIZ-7: how long a finished game's connection may stay open for the player to close it first.
    private static final long LINGER_MS = 1_000;

    private final Socket socket;
    private final OutputStream out;

    QuizPlayer(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Sends {@code line}; if that fails, the connection is closed and its thread ends the session. */
    synchronized void send(String line) {
        // TODO(QUIZ-5): Lines.write(out, line), unless the player has been hung up (QUIZ-7). An
        //   IOException closes the socket: the session's read then fails and the player leaves.
        // TODO: a player that stops reading must not freeze the game, which writes while holding
        //   its lock. Schedule socket.close() on a ScheduledExecutorService WRITE_TIMEOUT_MS from
        //   now, and cancel it once the write is done (the close must NOT be synchronized: it runs
        //   precisely while this method holds the monitor, stuck in write()).
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }

    /** QUIZ-7: the game is over; the connection closes after the lines already sent. */
    synchronized void hangUp() {
        // TODO(QUIZ-7): from now on send nothing more; socket.shutdownOutput() (FIN follows
        //   GAMEOVER), and close the socket LINGER_MS later at most (schedule it), so that the
        //   session's thread goes on reading until the player closes first: closing with unread
        //   input sends a TCP reset, which can destroy GAMEOVER before it is read.
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }
}
