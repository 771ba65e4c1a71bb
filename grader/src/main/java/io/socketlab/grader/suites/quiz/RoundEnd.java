package io.socketlab.grader.suites.quiz;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.Facts;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Watches the end of a round on every player's connection at once (QUIZ-5): each must get its {@code RESULT}, then
 * {@code SCORES}, then the next {@code QUESTION}, and nobody the next question before everybody was sent the scores.
 *
 * <p>The order is proved by what is <em>missing</em>, not by when lines are read: one thread looks at each
 * connection in turn and takes only what has already arrived. If it finds a player still without its SCORES although
 * it had seen another player's next QUESTION more than a short grace earlier, the server sent that QUESTION first.
 * A grader slowed down by a busy machine only looks later, when more has arrived, so it can miss a late server but
 * never accuse a correct one. The grace covers the kernel: on loopback a line written first can still be delivered a
 * little later (a delayed acknowledgement holding back a small segment), never hundreds of milliseconds later.
 */
final class RoundEnd {

    private static final Duration GRACE = Duration.ofMillis(300);

    private final List<Watched> players = new ArrayList<>();
    private final int round;
    private final String scores;
    private final String next;
    private final Duration grace;

    private RoundEnd(List<Player> players, int round, String scores, String next, Duration grace) {
        for (Player player : players) {
            this.players.add(new Watched(player));
        }
        this.round = round;
        this.scores = scores;
        this.next = next;
        this.grace = grace;
    }

    /**
     * Reads every player's {@code RESULT <round> ...}, then {@code scores}, then {@code next}, and fails if a player
     * was sent {@code next} before another was sent {@code scores}.
     *
     * @return each player's RESULT line, in the order of {@code players}
     */
    static List<String> expectInStep(List<Player> players, int round, String scores, String next, Duration within,
                                     double timeoutScale) throws IOException {
        Duration grace = Duration.ofNanos((long) (GRACE.toNanos() * timeoutScale));
        return new RoundEnd(players, round, scores, next, grace).watch(within);
    }

    private List<String> watch(Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (players.stream().anyMatch(p -> p.nextAt == 0)) {
            if (System.nanoTime() > deadline) {
                throw ConformanceFailure.timeout(step("the end of round " + round, "el final de la ronda " + round),
                        Text.format("RESULT %d, %s and %s for every player", "RESULT %d, %s y %s para cada jugador", round,
                                Bytes.quote(scores), Bytes.quote(next)),
                        Text.format("within %s only: %s", "en %s solo: %s", ConformanceFailure.seconds(within), soFar()));
            }
            for (Watched player : players) {
                long lookedAt = System.nanoTime();
                player.takeWhatArrived();
                if (!player.hasScores) {
                    expectNobodyAhead(player, lookedAt);
                }
            }
        }
        return players.stream().map(p -> p.lines.get(0)).toList();
    }

    /** Fails if another player had the next QUESTION more than the grace before {@code lookedAt}. */
    private void expectNobodyAhead(Watched behind, long lookedAt) {
        for (Watched ahead : players) {
            if (ahead != behind && ahead.nextAt != 0 && lookedAt - ahead.nextAt > grace.toNanos()) {
                long millis = (lookedAt - ahead.nextAt) / 1_000_000;
                throw ConformanceFailure.wrongOutput(
                        step("the order of round " + round + "'s end across players", "el orden del final de la ronda " + round
                                + " entre jugadores"),
                        Text.format("every player sent RESULT %d and SCORES before anyone is sent %s",
                                "que a todos se les envíe RESULT %d y SCORES antes de enviar a nadie %s", round, Bytes.quote(next)),
                        Text.of(ahead.player.team + " had " + Bytes.quote(next) + " for " + millis + " ms while "
                                        + behind.player.team + " had only " + behind.lines,
                                ahead.player.team + " tenía " + Bytes.quote(next) + " desde hacía " + millis + " ms mientras "
                                        + behind.player.team + " solo tenía " + behind.lines));
            }
        }
    }

    private String soFar() {
        StringBuilder out = new StringBuilder();
        for (Watched player : players) {
            out.append(player.player.team).append(' ').append(player.lines).append("; ");
        }
        return out.toString();
    }

    private static Text step(String en, String es) {
        return Text.of(en, es);
    }

    /** One player's connection, read only as far as lines have already arrived. */
    private final class Watched {
        final Player player;
        final List<String> lines = new ArrayList<>();
        boolean hasScores;
        /** When its next QUESTION was seen (System.nanoTime()), 0 until then. */
        long nextAt;

        Watched(Player player) {
            this.player = player;
        }

        void takeWhatArrived() throws IOException {
            Optional<String> line;
            while (nextAt == 0 && (line = player.probe.readLineIfArrived(what())).isPresent()) {
                accept(line.get());
            }
        }

        private void accept(String line) {
            boolean fits = switch (lines.size()) {
                case 0 -> line.startsWith("RESULT " + round + " ");
                case 1 -> line.equals(scores);
                case 2 -> line.equals(next);
                default -> false;
            };
            if (!fits) {
                throw ConformanceFailure.wrongOutput(what(), expectedNext(), Facts.quoted(line));
            }
            lines.add(line);
            if (line.equals(scores)) {
                hasScores = true;
            } else if (line.equals(next)) {
                nextAt = System.nanoTime();
            }
        }

        private Text expectedNext() {
            return switch (lines.size()) {
                case 0 -> Text.format("RESULT %d and the verdict", "RESULT %d y el veredicto", round);
                case 1 -> Facts.quoted(scores);
                case 2 -> Facts.quoted(next);
                default -> Text.of("nothing more", "nada más");
            };
        }

        private Text what() {
            return step("what " + player.team + " receives at the end of round " + round,
                    "lo que recibe " + player.team + " al final de la ronda " + round);
        }
    }
}
