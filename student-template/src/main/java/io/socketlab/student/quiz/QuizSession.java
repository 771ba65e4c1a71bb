package io.socketlab.student.quiz;

import java.net.Socket;
import java.util.logging.Logger;

/** One quiz connection, on its own thread: reads the player's commands and hands them to the game. */
final class QuizSession implements Runnable {

    private static final Logger LOG = Logger.getLogger(QuizSession.class.getName());

    private static final int MAX_LINE_BYTES = 8192; // the common limit: the quiz sets none of its own

    private final Socket socket;
    private final QuizGame game;

    QuizSession(Socket socket, QuizGame game) {
        this.socket = socket;
        this.game = game;
    }

    @Override
    public void run() {
        // TODO: narrate the protocol in the log (docs/logging.md): LOG.fine(...) when the connection
        //   opens and closes and at each decision (a refusal, an error answer), LOG.finer(...) per message.
        // TODO: open the socket's input in try-with-resources (`try (socket; InputStream in =
        //   new BufferedInputStream(socket.getInputStream()))` closes the socket too), and create
        //   this connection's QuizPlayer: every line to it goes through player.send. No read
        //   timeout: waiting for the other players may take any time.
        // TODO: read lines with a LineReader(in, MAX_LINE_BYTES); a line is its command (the text
        //   before the first space) and its argument (everything after that space). Decode
        //   strictly (StandardCharsets.UTF_8.newDecoder()): invalid UTF-8 gets "ERR bad-utf8".
        // TODO(QUIZ-1, QUIZ-2): JOIN <team> is game.join(player, team); if it returns false
        //   (game-started), close the connection.
        // TODO(QUIZ-3): ANSWER <text> is game.answer(player, text) (ANSWER alone: an empty text).
        // TODO(QUIZ-8): anything else gets "ERR unknown-command"; a LineTooLongException gets
        //   "ERR line-too-long", then the connection is closed.
        // TODO(QUIZ-9): in a finally block, however the connection ends, game.leave(player).
        // TODO: when the server closes the connection itself (game-started, line-too-long), first
        //   LingeringClose.drain(socket, in), so that a TCP reset cannot destroy the last ERR.
        // TODO: catch IOException and log it (LOG.fine): it ends this connection only.
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }
}
