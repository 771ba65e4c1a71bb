package io.socketlab.student.quiz;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The players of one game, in join order, with their teams and points. Not thread-safe on its
 * own, and it need not be: only {@link QuizGame} uses it, always holding the game's lock.
 */
final class Scoreboard {

    private final Map<QuizPlayer, String> teams = new LinkedHashMap<>(); // keeps join order
    private final Map<QuizPlayer, Integer> points = new HashMap<>();

    void add(QuizPlayer player, String team) {
        teams.put(player, team);
        points.put(player, 0);
    }

    /** Removes {@code player}; returns its team, or null if it was not playing. */
    String remove(QuizPlayer player) {
        points.remove(player);
        return teams.remove(player);
    }

    boolean contains(QuizPlayer player) {
        return teams.containsKey(player);
    }

    boolean hasTeam(String team) {
        return teams.containsValue(team);
    }

    int size() {
        return teams.size();
    }

    /** The players, in join order. */
    Set<QuizPlayer> players() {
        return teams.keySet();
    }

    /** One more point for {@code player}'s team. */
    void score(QuizPlayer player) {
        points.merge(player, 1, Integer::sum);
    }

    /** QUIZ-4: {@code SCORES <team>:<points> ...}, in join order. */
    String scores() {
        // TODO(QUIZ-4): "SCORES", then "<team>:<points>" for each player in join order, all
        //   separated by single spaces.
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }

    /** QUIZ-7: {@code GAMEOVER} and every team with the top score, in join order. */
    String gameOver() {
        // TODO(QUIZ-7): the top score, then "GAMEOVER " and every team that has it, in join
        //   order, separated by commas without spaces.
        throw new UnsupportedOperationException("not implemented yet: see specs/quiz.md");
    }

    void clear() {
        teams.clear();
        points.clear();
    }
}
