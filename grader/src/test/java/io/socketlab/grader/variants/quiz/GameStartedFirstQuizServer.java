package io.socketlab.grader.variants.quiz;

import java.io.IOException;

/**
 * Mistake: once the game has started every JOIN gets ERR game-started and its connection closed, checked before
 * anything else: an invalid team is not told bad-team, and a player's own second JOIN ends its game; must lose QUIZ-2.
 */
public final class GameStartedFirstQuizServer extends QuizServerBase {

    public static void main(String[] args) throws IOException {
        new GameStartedFirstQuizServer().run(args);
    }

    @Override
    String joinRefusal(Player player, String team, Game g) {
        return g.started ? "game-started" : super.joinRefusal(player, team, g);
    }
}
