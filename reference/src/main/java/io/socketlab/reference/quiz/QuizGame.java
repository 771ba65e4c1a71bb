package io.socketlab.reference.quiz;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/**
 * The quiz: players join, a game thread runs the rounds, scores add up, and a fresh game begins.
 * One lock, this object's monitor, guards all of its state: every method that reads or changes it
 * is synchronized, whether a player's thread calls it or the game thread.
 *
 * <p>Lines go out while the lock is held, so they leave in the order the game decides (QUIZ-5).
 * Locks are always taken in the order game, then player ({@link QuizPlayer#send}); never the reverse.
 */
final class QuizGame {

    private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9_-]{1,20}"); // QUIZ-2
    private static final Logger LOG = Logger.getLogger(QuizGame.class.getName());

    private final List<Question> questions; // the R questions asked, in file order
    private final int playersWanted;
    private final long answerTimeoutNanos;

    private final Scoreboard board = new Scoreboard();
    private final Map<QuizPlayer, String> answers = new HashMap<>(); // this round's
    private boolean started;
    private int round; // the number of the question asked last, from 1
    private boolean questionOpen;
    private long deadlineNanos; // when the open question closes, as a System.nanoTime() reading

    QuizGame(List<Question> questions, int playersWanted, long answerTimeoutMs) {
        this.questions = List.copyOf(questions);
        this.playersWanted = playersWanted;
        this.answerTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(answerTimeoutMs);
    }

    /** QUIZ-1, QUIZ-2: {@code JOIN <team>}; returns false if the connection must now be closed. */
    synchronized boolean join(QuizPlayer player, String team) {
        if (board.contains(player)) {
            player.send("ERR already-joined"); // checked first: a player is never refused game-started
        } else if (!TEAM.matcher(team).matches()) {
            player.send("ERR bad-team");
        } else if (started) {
            LOG.fine(() -> "JOIN " + team + " refused: the game has started");
            player.send("ERR game-started");
            return false;
        } else if (board.hasTeam(team)) {
            player.send("ERR team-taken");
        } else {
            LOG.fine(() -> team + " joined: " + (board.size() + 1) + " of " + playersWanted);
            String count = (board.size() + 1) + "/" + playersWanted;
            sendToAll("JOINED " + team + " " + count); // to those already waiting
            board.add(player, team);
            player.send("WELCOME " + team + " " + count);
            if (board.size() == playersWanted) {
                started = true;
                LOG.fine(() -> "every player is here: the game starts, " + questions.size() + " rounds");
                sendToAll("START " + questions.size());
                new Thread(this::play, "quiz-game").start();
            }
        }
        return true;
    }

    /** QUIZ-3, QUIZ-8: {@code ANSWER <text>}, accepted at once; the game thread decides when the round ends. */
    synchronized void answer(QuizPlayer player, String text) {
        if (!board.contains(player)) {
            player.send("ERR not-joined");
        } else if (!questionOpen || System.nanoTime() - deadlineNanos >= 0) {
            // QUIZ-4: an answer read after the deadline is for no question, even if this thread got the lock
            // before the game thread could close the round.
            player.send("ERR no-question");
        } else if (answers.containsKey(player)) {
            player.send("ERR already-answered");
        } else {
            answers.put(player, text);
            LOG.finer(() -> "round " + round + ": " + answers.size() + " of " + board.size() + " answered");
            player.send("ACCEPTED " + round);
            notifyAll(); // QUIZ-4: the last answer due ends the round
        }
    }

    /** QUIZ-9: the connection has ended; if it was playing, the game goes on without it. */
    synchronized void leave(QuizPlayer player) {
        String team = board.remove(player);
        if (team == null) {
            return; // it never joined, or its game is over
        }
        answers.remove(player);
        LOG.fine(() -> team + " left: " + board.size() + " still playing");
        sendToAll("LEFT " + team); // before the start, k is now one lower
        notifyAll(); // the game thread may be waiting for this very player's answer
    }

    /** The game thread: every round, then GAMEOVER. It holds the lock all along, except while it waits. */
    private synchronized void play() {
        for (int number = 1; number <= questions.size(); number++) {
            ask(number);
            awaitAnswers();
            if (board.size() == 0) {
                LOG.fine("every player left: a fresh game for the next ones");
                reset(); // QUIZ-9: nobody left: the next players start a fresh game
                return;
            }
            // QUIZ-4, QUIZ-5: every RESULT, then SCORES to all, and only then (next turn) a QUESTION.
            Question question = questions.get(number - 1);
            for (QuizPlayer player : board.players()) {
                player.send("RESULT " + number + " " + verdict(player, question) + " " + question.answer());
            }
            sendToAll(board.scores());
        }
        LOG.fine(() -> "game over: " + board.scores());
        sendToAll(board.gameOver()); // QUIZ-7: then the game's connections close
        board.players().forEach(QuizPlayer::hangUp);
        reset();
    }

    private void ask(int number) {
        round = number;
        questionOpen = true;
        LOG.fine(() -> "round " + number + ": QUESTION to " + board.size() + " players");
        answers.clear();
        sendToAll("QUESTION " + number + " " + questions.get(number - 1).text());
    }

    /** QUIZ-4: waits until every remaining player has answered, or T ms have passed since the question. */
    private void awaitAnswers() {
        deadlineNanos = System.nanoTime() + answerTimeoutNanos;
        // wait() releases the lock, so that players can answer and leave meanwhile. A wake-up does
        // not mean the round is over: check again, and wait only for what is left of the deadline.
        while (answers.size() < board.size()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                LOG.fine(() -> "round " + round + ": time is up, " + answers.size() + " of " + board.size() + " answered");
                break;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                // Nobody interrupts this thread; if someone did, each round would end at once.
                Thread.currentThread().interrupt();
                break;
            }
        }
        questionOpen = false;
    }

    /** QUIZ-4, QUIZ-6: CORRECT (a point), WRONG, or TIMEOUT for a player who did not answer. */
    private String verdict(QuizPlayer player, Question question) {
        String answer = answers.get(player);
        if (answer == null) {
            return "TIMEOUT";
        }
        if (!Answers.match(answer, question.answer())) {
            return "WRONG";
        }
        board.score(player);
        return "CORRECT";
    }

    private void reset() {
        board.clear();
        answers.clear();
        started = false;
        questionOpen = false;
    }

    private void sendToAll(String line) {
        board.players().forEach(player -> player.send(line));
    }
}
