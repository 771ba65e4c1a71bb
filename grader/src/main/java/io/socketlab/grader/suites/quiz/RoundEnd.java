package io.socketlab.grader.suites.quiz;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    private static final byte[] NOTHING = new byte[0];

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
                        "RESULT " + round + ", " + scores + " and " + next + " for every player; got so far: " + soFar(), within);
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
                        "every player sent RESULT " + round + " and SCORES before anyone is sent " + next,
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
        final InputStream in;
        final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        final List<String> lines = new ArrayList<>();
        boolean hasScores;
        /** When its next QUESTION was seen (System.nanoTime()), 0 until then. */
        long nextAt;

        Watched(Player player) {
            this.player = player;
            this.in = player.probe.bufferedRest();
        }

        void takeWhatArrived() throws IOException {
            for (byte b : available()) {
                if (b != '\n') {
                    partial.write(b);
                    continue;
                }
                byte[] raw = partial.toByteArray();
                partial.reset();
                int end = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
                accept(new String(raw, 0, end, StandardCharsets.UTF_8));
            }
        }

        /** What has arrived by now: the probe's buffer, or one read that waits a millisecond at most. */
        private byte[] available() throws IOException {
            player.probe.socket().setSoTimeout(1);
            byte[] chunk = new byte[64 * 1024];
            try {
                int n = in.read(chunk);
                if (n < 0) {
                    throw ConformanceFailure.closed(what(), expectedNext(), "the lines " + lines);
                }
                byte[] got = new byte[n];
                System.arraycopy(chunk, 0, got, 0, n);
                return got;
            } catch (SocketTimeoutException nothingYet) {
                return NOTHING;
            }
        }

        private void accept(String line) {
            String expected = expectedNext();
            boolean fits = lines.isEmpty() ? line.startsWith("RESULT " + round + " ") : line.equals(expected);
            if (!fits || nextAt != 0) {
                throw ConformanceFailure.wrongOutput(what(), Bytes.quote(expected), Bytes.quote(line));
            }
            lines.add(line);
            if (line.equals(scores)) {
                hasScores = true;
            } else if (line.equals(next)) {
                nextAt = System.nanoTime();
            }
        }

        private String expectedNext() {
            return switch (lines.size()) {
                case 0 -> "RESULT " + round + " ...";
                case 1 -> scores;
                case 2 -> next;
                default -> "nothing more";
            };
        }

        private Text what() {
            return step("what " + player.team + " receives at the end of round " + round,
                    "lo que recibe " + player.team + " al final de la ronda " + round);
        }
    }
}
