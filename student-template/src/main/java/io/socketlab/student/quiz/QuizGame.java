package io.socketlab.student.quiz;

import java.util.List;
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

    private static final Logger LOG = Logger.getLogger(QuizGame.class.getName());

    private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9_-]{1,20}"); // QUIZ-2

    private final List<Question> questions; // the R questions asked, in file order
    private final int playersWanted;
    private final long answerTimeoutNanos;
    // TODO: the game's state, guarded by this object's monitor: a Scoreboard, this round's
    //   answers (a Map from player to answer), whether the game has started, the number of the
    //   current question, and whether a question is open.

    QuizGame(List<Question> questions, int playersWanted, long answerTimeoutMs) {
        this.questions = List.copyOf(questions);
        this.playersWanted = playersWanted;
        this.answerTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(answerTimeoutMs);
    }

    /** QUIZ-1, QUIZ-2: {@code JOIN <team>}; returns false if the connection must now be closed. */
    synchronized boolean join(QuizPlayer player, String team) {
        // TODO(QUIZ-2): a player already in the game gets "ERR already-joined" (checked first: a
        //   player must never be refused game-started). Then, in this order: a team that
        //   TEAM.matcher(team).matches() rejects is "ERR bad-team"; a started game is
        //   "ERR game-started" (return false: the session closes the connection); a team in use
        //   is "ERR team-taken".
        // TODO(QUIZ-1): otherwise "JOINED <team> <k>/<P>" to the players already waiting,
        //   "WELCOME <team> <k>/<P>" to the newcomer (k counts it). When k reaches P: started,
        //   "START <R>" to everyone, and start the game thread: new Thread(this::play, ...).
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }

    /** QUIZ-3, QUIZ-8: {@code ANSWER <text>}, accepted at once; the game thread decides when the round ends. */
    synchronized void answer(QuizPlayer player, String text) {
        // TODO(QUIZ-8): in this order: "ERR not-joined", "ERR no-question" (no question open),
        //   "ERR already-answered" (the first answer counts).
        // TODO(QUIZ-3): otherwise record the answer and send "ACCEPTED <i>" at once.
        // TODO(QUIZ-4): notifyAll(): the game thread, waiting in awaitAnswers(), checks whether
        //   every remaining player has now answered.
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }

    /** QUIZ-9: the connection has ended; if it was playing, the game goes on without it. */
    synchronized void leave(QuizPlayer player) {
        // TODO(QUIZ-9): a connection that is not a player of this game changes nothing. Otherwise
        //   remove it (and its answer), send "LEFT <team>" to the others, and notifyAll(): the
        //   game thread may be waiting for this very player's answer. Before the start, k is now
        //   one lower.
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }

    /** The game thread: every round, then GAMEOVER. It holds the lock all along, except while it waits. */
    private synchronized void play() {
        // TODO(QUIZ-3): for each round i = 1..R: a question is open; clear the answers; send
        //   "QUESTION <i> <text>" to everyone; then awaitAnswers().
        // TODO(QUIZ-9): if nobody is left, reset the game (so that new teams can join) and stop.
        // TODO(QUIZ-4, QUIZ-5): otherwise send every player its "RESULT <i> CORRECT|WRONG|TIMEOUT
        //   <answer>" (Answers.match decides; a CORRECT scores a point), THEN "SCORES ..." to
        //   everyone, and only then go on to the next QUESTION. The lock is held all along, so
        //   nothing can slip in between.
        // TODO(QUIZ-7): after round R, "GAMEOVER ..." to everyone, then QuizPlayer.hangUp() each
        //   player, and reset the game for the next teams.
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }

    /** QUIZ-4: waits until every remaining player has answered, or T ms have passed since the question. */
    private void awaitAnswers() {
        // TODO(QUIZ-4): deadline = System.nanoTime() + answerTimeoutNanos, then
        //   while (not every remaining player has answered) {
        //       left = deadline - System.nanoTime(); if (left <= 0) break;
        //       TimeUnit.NANOSECONDS.timedWait(this, left);   // releases the lock while waiting
        //   }
        //   A wake-up does not mean the round is over: check again, against the same deadline.
        //   Never busy-wait (a loop of sleep() and checks). Then the question is no longer open.
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }
}
