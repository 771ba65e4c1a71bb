package io.socketlab.grader.variants.quiz;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import io.socketlab.grader.variants.VariantSupport.LineTooLongException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Correct quiz server (a thread per connection, the whole game state under one lock, a timer for
 * the answer timeout; at a round's end all RESULTs, then SCORES to everyone, then the next
 * QUESTION); each broken variant overrides exactly one of the package-private hooks below.
 */
abstract class QuizServerBase {

    static final int MAX_LINE_BYTES = 8192;
    private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    record Question(String text, String answer) {
    }

    /** One connection; its game fields are guarded by {@link #lock}. */
    static final class Player {
        final Socket socket;
        final OutputStream out;
        String team;
        Game game;
        int score;
        /** This round's answer, null if none yet. */
        String answer;

        Player(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }
    }

    /** One game: players in join order and the round in progress; guarded by {@link #lock}. */
    static final class Game {
        final List<Player> players = new ArrayList<>();
        boolean started;
        boolean over;
        int round;
        /** Whether question {@link #round} is waiting for answers. */
        boolean open;
        /** When question {@link #round} closes (System.nanoTime()): an answer read later is for no question. */
        long deadlineNanos;
    }

    final Object lock = new Object();
    /** The game new players join; guarded by {@link #lock}. */
    Game game = new Game();
    List<Question> questions;
    int playersPerGame;
    int rounds;
    long answerTimeoutMs;
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "quiz-timer");
        thread.setDaemon(true);
        return thread;
    });

    final void run(String[] argv) throws IOException {
        Args args = VariantSupport.parse(argv,
                Set.of("--port", "--host", "--players", "--questions", "--rounds", "--answer-timeout-ms"), Set.of());
        if (!args.positional().isEmpty()) {
            VariantSupport.die(2, "usage error: unexpected argument " + args.positional().get(0));
        }
        int port = args.port();
        playersPerGame = args.intOption("--players", -1, 1, 1_000_000);
        String file = args.get("--questions", null);
        if (file == null) {
            VariantSupport.die(2, "usage error: --questions FILE is required");
        }
        questions = load(Path.of(file));
        rounds = args.intOption("--rounds", questions.size(), 1, questions.size());
        answerTimeoutMs = args.intOption("--answer-timeout-ms", 30_000, 1, Integer.MAX_VALUE);
        VariantSupport.exitZeroOnSigterm();
        try (ServerSocket server = VariantSupport.listen(args.get("--host", null), port)) {
            while (true) {
                Socket socket = server.accept();
                new Thread(() -> serve(socket), "quiz-connection").start();
            }
        }
    }

    /** The questions file: a non-empty JSON array of {"question","answer"} strings, or exit 2. */
    private static List<Question> load(Path file) {
        JsonNode root = null;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            VariantSupport.die(2, "cannot read the questions file " + file + ": " + e.getMessage());
        }
        List<Question> questions = new ArrayList<>();
        if (root != null && root.isArray()) {
            for (JsonNode item : root) {
                JsonNode question = item.get("question");
                JsonNode answer = item.get("answer");
                if (!item.isObject() || !usable(question) || !usable(answer)) {
                    VariantSupport.die(2, "the questions file must hold {\"question\",\"answer\"} non-blank strings");
                }
                questions.add(new Question(question.textValue(), answer.textValue()));
            }
        } else {
            VariantSupport.die(2, "the questions file must be a JSON array");
        }
        if (questions.isEmpty()) {
            VariantSupport.die(2, "the questions file holds no question");
        }
        return questions;
    }

    /** A question or an answer: a string, not blank, on one line. */
    private static boolean usable(JsonNode text) {
        return text != null && text.isTextual() && !text.textValue().isBlank() && text.textValue().indexOf('\n') < 0
                && text.textValue().indexOf('\r') < 0;
    }

    private void serve(Socket socket) {
        Player player;
        try {
            player = new Player(socket);
        } catch (IOException e) {
            VariantSupport.closeQuietly(socket);
            return;
        }
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (true) {
                byte[] line;
                try {
                    line = VariantSupport.readLine(in, MAX_LINE_BYTES + 1, false); // room for a CR
                    if (line != null && VariantSupport.stripCr(line).length > MAX_LINE_BYTES) {
                        throw new LineTooLongException();
                    }
                } catch (LineTooLongException e) {
                    send(player, "ERR line-too-long");
                    disconnected(player);
                    VariantSupport.closeGracefully(socket);
                    return;
                }
                if (line == null) {
                    break;
                }
                String text = VariantSupport.decodeUtf8(VariantSupport.stripCr(line));
                if (text == null) {
                    send(player, "ERR bad-utf8");
                } else if (!handle(player, text)) {
                    VariantSupport.closeGracefully(socket); // ERR game-started
                    return;
                }
            }
        } catch (IOException e) {
            // reset: handled as a disconnect
        }
        disconnected(player);
        VariantSupport.closeQuietly(socket);
    }

    /** Handles one command; false if the connection is to be closed. */
    private boolean handle(Player player, String line) {
        int space = line.indexOf(' ');
        String command = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space + 1);
        synchronized (lock) {
            switch (command) {
                case "JOIN":
                    return join(player, argument);
                case "ANSWER":
                    answer(player, argument);
                    return true;
                default:
                    send(player, "ERR unknown-command");
                    return true;
            }
        }
    }

    private boolean join(Player player, String team) {
        String refusal = joinRefusal(player, team, game);
        if (refusal != null) {
            send(player, "ERR " + refusal);
            return !refusal.equals("game-started");
        }
        Game g = game;
        player.team = team;
        player.game = g;
        g.players.add(player);
        int k = g.players.size();
        send(player, "WELCOME " + team + " " + k + "/" + playersPerGame);
        for (Player other : g.players) {
            if (other != player) {
                send(other, "JOINED " + team + " " + k + "/" + playersPerGame);
            }
        }
        if (k == playersPerGame) {
            g.started = true;
            for (Player p : g.players) {
                send(p, "START " + rounds);
            }
            String question = open(g, 1);
            for (Player p : g.players) {
                send(p, question);
            }
            scheduleTimeout(g, 1);
        }
        return true;
    }

    private void answer(Player player, String text) {
        Game g = player.game;
        if (g == null) {
            send(player, "ERR not-joined");
        } else if (!g.open || System.nanoTime() - g.deadlineNanos >= 0) {
            send(player, "ERR no-question");
        } else if (player.answer != null && refusesSecondAnswer()) {
            send(player, "ERR already-answered");
        } else {
            player.answer = text;
            int round = g.round;
            boolean last = g.players.stream().allMatch(p -> p.answer != null);
            if (acceptedAtOnce() && !(last && acceptedAfterTheRoundEnds())) {
                send(player, "ACCEPTED " + round);
            }
            if (last) {
                endRound(g);
                if (acceptedAtOnce() && acceptedAfterTheRoundEnds()) {
                    send(player, "ACCEPTED " + round);
                }
            }
        }
    }

    /** Opens round {@code i} (lock held) and returns its QUESTION line. */
    private String open(Game g, int i) {
        g.round = i;
        g.open = true;
        g.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(answerTimeoutMs);
        for (Player p : g.players) {
            p.answer = null;
        }
        return "QUESTION " + i + " " + questions.get(i - 1).text();
    }

    /** Ends the open round (lock held): results, scores, then the next question or GAMEOVER. */
    final void endRound(Game g) {
        int i = g.round;
        g.open = false;
        String expected = questions.get(i - 1).answer();
        Map<Player, String> results = new LinkedHashMap<>();
        List<String> scores = new ArrayList<>();
        for (Player p : g.players) {
            String verdict = p.answer == null ? "TIMEOUT" : matches(p.answer, expected) ? "CORRECT" : "WRONG";
            if (verdict.equals("CORRECT")) {
                p.score++;
            }
            if (p.answer != null && !acceptedAtOnce()) {
                send(p, "ACCEPTED " + i);
            }
            results.put(p, "RESULT " + i + " " + verdict + " " + expected);
        }
        for (Player p : g.players) {
            scores.add(p.team + ":" + p.score);
        }
        String next;
        if (i < rounds) {
            next = open(g, i + 1);
        } else {
            g.over = true;
            int best = g.players.stream().mapToInt(p -> p.score).max().orElse(0);
            List<String> winners = new ArrayList<>();
            for (Player p : g.players) {
                if (p.score == best) {
                    winners.add(p.team);
                }
            }
            next = "GAMEOVER " + String.join(",", winners);
        }
        publishRoundEnd(g.players, results, "SCORES " + String.join(" ", scores), next);
        if (g.over) {
            for (Player p : g.players) {
                try {
                    p.socket.shutdownOutput(); // FIN after GAMEOVER; the reader closes on the client's close
                } catch (IOException e) {
                    // already gone
                }
                timer.schedule(() -> VariantSupport.closeQuietly(p.socket), 2, TimeUnit.SECONDS);
            }
            afterGameOver();
        } else {
            scheduleTimeout(g, i + 1);
        }
    }

    /** A connection ended (lock taken here); ignored if it never joined or its game is over. */
    private void disconnected(Player player) {
        synchronized (lock) {
            Game g = player.game;
            if (g != null && !g.over) {
                playerLost(g, player);
            }
        }
    }

    /** Removes a player from a game that is not over (lock held): LEFT, then the round may complete. */
    final void remove(Game g, Player player) {
        g.players.remove(player);
        for (Player other : g.players) {
            send(other, "LEFT " + player.team);
        }
        if (g.players.isEmpty()) {
            g.over = true;
            if (game == g) {
                game = new Game();
            }
        } else if (g.open && g.players.stream().allMatch(p -> p.answer != null)) {
            endRound(g);
        }
    }

    /** Writes one line (lock held); a failure means the peer is gone, which its reader notices. */
    static void send(Player player, String line) {
        try {
            VariantSupport.writeLine(player.out, line);
        } catch (IOException e) {
            // reported by the player's own thread
        }
    }

    /** Canonical form for answer matching: NFD without marks, lower case, inner whitespace collapsed, trimmed. */
    static String normalize(String text) {
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * Hook: why a JOIN is refused (the ERR code), or null to let the player in; "game-started" also closes the
     * connection. Correct: already-joined, then bad-team, then game-started, then team-taken.
     */
    String joinRefusal(Player player, String team, Game g) {
        if (player.game != null) {
            return "already-joined";
        }
        if (!TEAM.matcher(team).matches()) {
            return "bad-team";
        }
        if (g.started) {
            return "game-started";
        }
        if (g.players.stream().anyMatch(p -> p.team.equals(team))) {
            return "team-taken";
        }
        return null;
    }

    /** Hook: whether a second ANSWER in a round is refused. Correct: yes, the first one counts. */
    boolean refusesSecondAnswer() {
        return true;
    }

    /**
     * Hook: whether the ACCEPTED of the answer that completes a round is written after the round's end (as when the
     * player's thread writes it outside the lock, after waking the game thread). Correct: no, before.
     */
    boolean acceptedAfterTheRoundEnds() {
        return false;
    }

    /** Hook: when ACCEPTED is sent. Correct: at once, when the answer arrives. */
    boolean acceptedAtOnce() {
        return true;
    }

    /** Hook: sends a round's end (lock held); {@code next} is the next QUESTION or GAMEOVER. Correct: all RESULTs, then SCORES to all, then {@code next} to all. */
    void publishRoundEnd(List<Player> players, Map<Player, String> results, String scores, String next) {
        for (Player p : players) {
            send(p, results.get(p));
        }
        for (Player p : players) {
            send(p, scores);
        }
        for (Player p : players) {
            send(p, next);
        }
    }

    /** Hook: arms the answer timeout of round {@code i}. Correct: T ms from now. */
    void scheduleTimeout(Game g, int i) {
        timer.schedule(() -> {
            synchronized (lock) {
                if (!g.over && g.open && g.round == i) {
                    endRound(g);
                }
            }
        }, answerTimeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Hook: whether an answer is right. Correct: equal after {@link #normalize}. */
    boolean matches(String given, String expected) {
        return normalize(given).equals(normalize(expected));
    }

    /** Hook: a player of a live game disconnected (lock held). Correct: removed at once. */
    void playerLost(Game g, Player player) {
        remove(g, player);
    }

    /** Hook: after GAMEOVER (lock held). Correct: a fresh game for the next players. */
    void afterGameOver() {
        game = new Game();
    }
}
