package io.socketlab.grader.suites.quiz;

import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.conformance.ServerUnderTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** One quiz player driven by a test, and the game set-ups the tests start servers with. */
public final class Player {

    /** Questions in file order; answers with accents and case to exercise matching. */
    static final String QUESTIONS = """
            [{"question": "Capital of France?", "answer": "París"},
             {"question": "Shape with three sides?", "answer": "Triángulo"},
             {"question": "Largest city of the USA?", "answer": "New  York"}]
            """;

    static final String Q1 = "QUESTION 1 Capital of France?";
    static final String Q2 = "QUESTION 2 Shape with three sides?";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    final String team;
    public final TcpProbe probe;

    private Player(String team, TcpProbe probe) {
        this.team = team;
        this.probe = probe;
    }

    /** Restarts the server for a game of {@code players}, with these extra arguments (e.g. --rounds 1). */
    public static void newGame(ServerUnderTest server, int players, String... extra) throws IOException {
        Path questions = Files.writeString(server.dataDir().resolve("questions.json"), QUESTIONS);
        List<String> arguments = new ArrayList<>(List.of("--players", Integer.toString(players),
                "--questions", questions.toString()));
        arguments.addAll(List.of(extra));
        server.restartWith(arguments);
    }

    /** Connects and joins as {@code team}, expecting {@code WELCOME team k/players}. */
    public static Player join(ServerUnderTest server, String team, int k, int players) throws IOException {
        Player player = new Player(team, server.connect());
        player.send("JOIN " + team);
        player.expect("WELCOME " + team + " " + k + "/" + players);
        return player;
    }

    /** Starts a game of {@code teams}: all join in order, and all receive START and the first question. */
    static List<Player> started(ServerUnderTest server, int rounds, String... teams) throws IOException {
        List<Player> players = new ArrayList<>();
        for (int i = 0; i < teams.length; i++) {
            Player player = join(server, teams[i], i + 1, teams.length);
            for (Player earlier : players) {
                earlier.expect("JOINED " + teams[i] + " " + (i + 1) + "/" + teams.length);
            }
            players.add(player);
        }
        for (Player player : players) {
            player.expect("START " + rounds);
            player.expect(Q1);
        }
        return players;
    }

    /** Whether two answers match as QUIZ-6 says: accents, case and spaces aside. */
    static boolean normalisedEquals(String a, String b) {
        return normalised(a).equals(normalised(b));
    }

    private static String normalised(String text) {
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    public static Player connect(ServerUnderTest server, String team) {
        return new Player(team, server.connect());
    }

    public void send(String line) throws IOException {
        probe.sendLine(line);
    }

    public void expect(String expected) throws IOException {
        probe.expectLine(Text.of("what " + team + " receives", "lo que recibe " + team), expected);
    }

    void expect(String expected, Duration within) throws IOException {
        probe.expectLine(Text.of("what " + team + " receives", "lo que recibe " + team), expected, within);
    }
}
