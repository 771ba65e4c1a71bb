package io.socketlab.reference.quiz;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.LineReader;
import io.socketlab.reference.common.Lines;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** The quiz client: joins a game and prints it, while a {@link QuizAnswerer} answers each question from stdin. */
public final class QuizClient {

    private static final String PROGRAM = "quiz client";
    private static final String USAGE = "QuizClient --host H --port N --team T";
    private static final int ANSWER_TIMEOUT_MS = 10_000; // QUIZ-13
    private static final int MAX_LINE_BYTES = 1 << 20;
    private static final Logger LOG = Logger.getLogger(QuizClient.class.getName());

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
        }
    }

    private static void play(InetSocketAddress server, String team) throws Failure {
        try (Socket socket = new Socket()) {
            try {
                socket.connect(server, ANSWER_TIMEOUT_MS);
            } catch (IOException e) {
                throw Failure.incomplete("cannot connect to " + server.getHostString() + ":"
                        + server.getPort() + ": " + e.getMessage()); // QUIZ-13
            }
            socket.setSoTimeout(ANSWER_TIMEOUT_MS); // the reply to JOIN is owed at once
            LineReader lines = new LineReader(new BufferedInputStream(socket.getInputStream()), MAX_LINE_BYTES);
            Lines.write(socket.getOutputStream(), "JOIN " + team); // QUIZ-12
            String reply = printNext(lines);
            if (reply == null) {
                throw Failure.incomplete("the server closed the connection before answering JOIN");
            }
            if (reply.equals("ERR") || reply.startsWith("ERR ")) {
                throw Failure.refused("the server refused to join: " + reply); // QUIZ-13
            }
            LOG.fine(() -> "joined as " + team);
            printUntilClosed(socket, lines, QuizAnswerer.start(socket.getOutputStream()));
        } catch (SocketTimeoutException e) {
            throw Failure.incomplete("no answer from the server within " + ANSWER_TIMEOUT_MS / 1000 + " s");
        } catch (IOException e) {
            throw Failure.incomplete("connection lost: " + e.getMessage());
        }
    }

    /** QUIZ-12: prints every line as it arrives, until the close, which must come after GAMEOVER (QUIZ-13). */
    private static void printUntilClosed(Socket socket, LineReader lines, QuizAnswerer answerer)
            throws IOException, Failure {
        boolean over = false;
        long lastLineNanos = System.nanoTime();
        while (true) {
            String line;
            try {
                line = printNext(lines);
            } catch (SocketTimeoutException e) {
                // QUIZ-13: waiting for the other teams, or for a round to end, never times out. Only
                // two things are owed, each within 10 s: the close after GAMEOVER, and a reply to an
                // ANSWER sent since the last line. Wait just the time that is left.
                OptionalLong lastAnswerNanos = answerer.lastAnswerNanos();
                long owedSinceNanos;
                if (over) {
                    owedSinceNanos = lastLineNanos;
                } else if (lastAnswerNanos.isPresent() && lastAnswerNanos.getAsLong() - lastLineNanos > 0) {
                    owedSinceNanos = lastAnswerNanos.getAsLong();
                } else {
                    socket.setSoTimeout(ANSWER_TIMEOUT_MS); // nothing is owed
                    continue;
                }
                long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - owedSinceNanos);
                long leftMs = ANSWER_TIMEOUT_MS - waitedMs;
                if (leftMs <= 0) {
                    String owed = over ? "the server did not close the connection" : "no reply to ANSWER";
                    throw Failure.incomplete(owed + " within " + ANSWER_TIMEOUT_MS / 1000 + " s");
                }
                socket.setSoTimeout((int) leftMs);
                continue;
            }
            if (line == null) {
                LOG.fine("the server closed the connection");
                break;
            }
            lastLineNanos = System.nanoTime();
            if (line.startsWith("QUESTION ")) {
                answerer.questionArrived(); // QUIZ-12: it reads stdin; this thread goes on printing
            } else if (line.equals("GAMEOVER") || line.startsWith("GAMEOVER ")) {
                over = true;
            }
        }
        if (!over) {
            throw Failure.incomplete("the server closed the connection before GAMEOVER");
        }
    }

    /** QUIZ-12: prints the server's next line verbatim and returns it as text; null at the close. */
    private static String printNext(LineReader lines) throws IOException {
        byte[] line = lines.readLine();
        if (line == null) {
            return null;
        }
        Lines.write(System.out, line);
        return new String(line, StandardCharsets.UTF_8);
    }
}
