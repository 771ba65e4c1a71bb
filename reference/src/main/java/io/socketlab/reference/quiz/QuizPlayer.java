package io.socketlab.reference.quiz;

import io.socketlab.reference.common.Lines;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The sending side of one quiz connection. Both the game and the connection's own thread write to
 * it, so {@link #send} is synchronized: each line goes out whole, never interleaved with another.
 */
final class QuizPlayer {

    // The game writes while it holds its lock (QUIZ-5). Java has no timeout for a blocking write,
    // so a player that stops reading could freeze every game; this deadline closes its socket instead.
    private static final long WRITE_TIMEOUT_MS = 5_000;
    // QUIZ-7: how long a finished game's connection may stay open for the player to close it first.
    private static final long LINGER_MS = 1_000;
    // Only ever closes sockets, so it never waits for a lock or a write.
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
    private static final Logger LOG = Logger.getLogger(QuizPlayer.class.getName());

    private final Socket socket;
    private final OutputStream out;
    private boolean hungUp; // guarded by this object's monitor

    QuizPlayer(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Sends {@code line}; if that fails, the connection is closed and its thread ends the session. */
    synchronized void send(String line) {
        if (hungUp) {
            return;
        }
        Future<?> deadline = WATCHDOG.schedule(this::close, WRITE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        try {
            Lines.write(out, line);
        } catch (IOException e) {
            LOG.fine(() -> socket.getRemoteSocketAddress() + ": cannot send, closing: " + e.getMessage());
            close(); // the reader thread's read then fails, and the player leaves the game (QUIZ-9)
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * QUIZ-7: the game is over. FIN follows the lines already sent; the player's thread goes on
     * reading (and discarding) until the player closes, or for {@link #LINGER_MS} at most, so that
     * a close with unread input cannot reset the connection before GAMEOVER is read.
     */
    synchronized void hangUp() {
        hungUp = true;
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            close();
            return;
        }
        WATCHDOG.schedule(this::close, LINGER_MS, TimeUnit.MILLISECONDS);
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor watchdog =
                new ScheduledThreadPoolExecutor(1, task -> new Thread(task, "quiz-watchdog"));
        watchdog.setRemoveOnCancelPolicy(true); // a write done in time leaves no task behind
        return watchdog;
    }

    /**
     * Closes the connection: a read or write blocked on it fails at once. Not synchronized: the
     * watchdog calls it precisely while {@link #send} holds the monitor, stuck in write().
     */
    private void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.warning(() -> socket.getRemoteSocketAddress() + ": cannot close the connection: " + e.getMessage());
        }
    }
}
