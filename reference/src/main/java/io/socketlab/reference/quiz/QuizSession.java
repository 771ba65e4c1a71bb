package io.socketlab.reference.quiz;

import io.socketlab.reference.common.LineReader;
import io.socketlab.reference.common.LineReader.LineTooLongException;
import io.socketlab.reference.common.LingeringClose;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** One quiz connection, on its own thread: reads the player's commands and hands them to the game. */
final class QuizSession implements Runnable {

    private static final int MAX_LINE_BYTES = 8192; // the common limit: the quiz sets none of its own
    private static final Logger LOG = Logger.getLogger(QuizSession.class.getName());

    private final Socket socket;
    private final String peer; // for the log: which player a record is about
    private final QuizGame game;

    QuizSession(Socket socket, QuizGame game) {
        this.socket = socket;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        this.game = game;
    }

    @Override
    public void run() {
        // No read timeout on purpose: waiting for the other players may take any time.
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream())) {
            QuizPlayer player = new QuizPlayer(socket);
            LOG.fine(() -> peer + ": connection opened");
            boolean closedByServer;
            try {
                closedByServer = converse(new LineReader(in, MAX_LINE_BYTES), player);
            } finally {
                game.leave(player); // QUIZ-9: however the connection ends
            }
            if (closedByServer) {
                LingeringClose.drain(socket, in); // our close must not reset away the last ERR
            }
            LOG.fine(() -> peer + ": connection closed by the " + (closedByServer ? "server" : "player"));
        } catch (IOException e) {
            LOG.fine(() -> peer + ": connection ended: " + e.getMessage()); // only this player is affected
        }
    }

    /**
     * Hands commands to the game until the player closes (false) or the server must close the
     * connection (true).
     */
    private boolean converse(LineReader lines, QuizPlayer player) throws IOException {
        while (true) {
            byte[] line;
            try {
                line = lines.readLine();
            } catch (LineTooLongException e) {
                LOG.fine(() -> peer + ": a line over " + MAX_LINE_BYTES + " bytes: ERR, then close");
                player.send("ERR line-too-long");
                return true;
            }
            if (line == null) {
                return false;
            }
            String text = decode(line);
            if (text == null) {
                player.send("ERR bad-utf8"); // the connection stays usable
                continue;
            }
            int space = text.indexOf(' ');
            String command = space < 0 ? text : text.substring(0, space);
            String argument = space < 0 ? "" : text.substring(space + 1);
            LOG.finer(() -> peer + ": " + command);
            if (command.equals("JOIN")) {
                if (!game.join(player, argument)) {
                    return true; // QUIZ-2: game-started
                }
            } else if (command.equals("ANSWER")) {
                game.answer(player, argument); // QUIZ-3: "ANSWER" alone is an empty answer
            } else {
                LOG.fine(() -> peer + ": unknown command " + command);
                player.send("ERR unknown-command"); // QUIZ-8
            }
        }
    }

    /** The line as text, or null if it is not valid UTF-8 (the lenient String constructor would hide that). */
    private static String decode(byte[] line) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
