package io.socketlab.grader.suites.quiz;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.RunsAlone;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The quiz server: joining, rounds, results and scores, synchronisation, matching, game over, errors, disconnects. */
@ExerciseSuite(exercise = "quiz", program = Program.SERVER, freshServerPerTest = true)
class QuizServerSuite {

    private static final String Q1 = Player.Q1;
    private static final String Q2 = Player.Q2;

    private static Text step(String en, String es) {
        return Text.of(en, es);
    }

    private static List<Player> started(ServerUnderTest server, int rounds, String... teams) throws Exception {
        return Player.started(server, rounds, teams);
    }

    @Baseline
    @Requirement(clause = "QUIZ-1", points = 1)
    void playsAOnePlayerGame(ServerUnderTest server) throws Exception {
        Player.newGame(server, 1, "--rounds", "1");
        Player solo = started(server, 1, "solo").get(0);
        solo.send("ANSWER París");
        solo.expect("ACCEPTED 1");
        solo.expect("RESULT 1 CORRECT París");
        solo.expect("SCORES solo:1");
        solo.expect("GAMEOVER solo");
        solo.probe.expectClosed(step("after GAMEOVER", "tras GAMEOVER"), solo.probe.replyTimeout());
    }

    @Requirement(clause = "QUIZ-1", points = 2)
    void startsAFourPlayerGameJoinedAtOnce(ServerUnderTest server) throws Exception {
        Player.newGame(server, 4);
        // Four teams join at the same moment: each must get its own place, and the fourth starts the game.
        List<String> teams = List.of("red", "green", "blue", "gold");
        List<Player> connected = new ArrayList<>();
        for (String team : teams) {
            connected.add(Player.connect(server, team));
        }
        for (Player player : connected) {
            player.send("JOIN " + player.team);
        }
        Player[] byPlace = new Player[teams.size()];
        for (Player player : connected) {
            Text step = step("reply to JOIN " + player.team + ", four teams joining at once", "respuesta a JOIN "
                    + player.team + ", cuatro equipos entrando a la vez");
            String welcome = player.probe.readLine(step);
            int place = placeIn(welcome, player.team, teams.size());
            if (place < 1 || byPlace[place - 1] != null) {
                throw ConformanceFailure.wrongOutput(step, Text.format("WELCOME %s k/4, each k from 1 to 4 given once",
                        "WELCOME %s k/4, cada k de 1 a 4 dado una vez", player.team), Facts.quoted(welcome));
            }
            byPlace[place - 1] = player;
        }
        for (int k = 1; k <= teams.size(); k++) {
            for (int later = k + 1; later <= teams.size(); later++) {
                byPlace[k - 1].expect("JOINED " + byPlace[later - 1].team + " " + later + "/4");
            }
            byPlace[k - 1].expect("START 3");
            byPlace[k - 1].expect(Q1);
        }
    }

    /** k from {@code WELCOME <team> k/<players>}, or 0 when the line is not that. */
    private static int placeIn(String welcome, String team, int players) {
        String prefix = "WELCOME " + team + " ";
        String suffix = "/" + players;
        if (!welcome.startsWith(prefix) || !welcome.endsWith(suffix)) {
            return 0;
        }
        try {
            return Integer.parseInt(welcome.substring(prefix.length(), welcome.length() - suffix.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Requirement(clause = "QUIZ-2", points = 1)
    void refusesBadTeams(ServerUnderTest server) throws Exception {
        Player.newGame(server, 2);
        Player player = Player.connect(server, "retry");
        for (String team : List.of("", "two words", " red", "abcdefghijklmnopqrstu", "ñandú", "semi;colon")) {
            player.send("JOIN " + team);
            player.expect("ERR bad-team");
        }
        player.send("JOIN abcdefghijklmnopqrst");
        player.expect("WELCOME abcdefghijklmnopqrst 1/2");
    }

    @Requirement(clause = "QUIZ-2", points = 1)
    void refusesTakenTeamsAndSecondJoins(ServerUnderTest server) throws Exception {
        Player.newGame(server, 3);
        Player red = Player.join(server, "red", 1, 3);
        Player other = Player.connect(server, "other");
        other.send("JOIN red");
        other.expect("ERR team-taken");
        other.send("JOIN Red");
        other.expect("WELCOME Red 2/3");
        red.expect("JOINED Red 2/3");
        red.send("JOIN green");
        red.expect("ERR already-joined");
    }

    @Requirement(clause = "QUIZ-2", points = 1)
    void refusesLateJoinsInOrder(ServerUnderTest server) throws Exception {
        Player.newGame(server, 1);
        Player first = started(server, 3, "first").get(0);
        // The player's own second JOIN mid-game: already-joined, and it plays on.
        first.send("JOIN again");
        first.expect("ERR already-joined");
        Player badName = Player.connect(server, "late");
        badName.send("JOIN not valid");
        badName.expect("ERR bad-team");
        // A taken team mid-game: game-started comes before team-taken.
        Player taken = Player.connect(server, "late");
        taken.send("JOIN first");
        taken.expect("ERR game-started");
        taken.probe.expectClosed(step("after ERR game-started", "tras ERR game-started"), taken.probe.replyTimeout());
        Player late = Player.connect(server, "late");
        late.send("JOIN latecomer");
        late.expect("ERR game-started");
        late.probe.expectClosed(step("after ERR game-started", "tras ERR game-started"), late.probe.replyTimeout());
        first.send("ANSWER paris");
        first.expect("ACCEPTED 1");
    }

    @Requirement(clause = "QUIZ-3", points = 2)
    void acceptsAtOnce(ServerUnderTest server) throws Exception {
        Player.newGame(server, 2);
        List<Player> players = started(server, 3, "quick", "slow");
        players.get(0).send("ANSWER Paris");
        players.get(0).expect("ACCEPTED 1", server.timeouts().seconds(2));
        players.get(1).send("ANSWER Lyon");
        players.get(1).expect("ACCEPTED 1", server.timeouts().seconds(2));
    }

    @Requirement(clause = "QUIZ-4", points = 2)
    void sendsResultsAndScores(ServerUnderTest server) throws Exception {
        Player.newGame(server, 2, "--rounds", "2");
        List<Player> players = started(server, 2, "ana", "ben");
        Player ana = players.get(0);
        Player ben = players.get(1);
        ana.send("ANSWER PARÍS");
        ben.send("ANSWER Madrid");
        ana.expect("ACCEPTED 1");
        ben.expect("ACCEPTED 1");
        ana.expect("RESULT 1 CORRECT París");
        ben.expect("RESULT 1 WRONG París");
        for (Player player : players) {
            player.expect("SCORES ana:1 ben:0");
            player.expect(Q2);
        }
        // "ANSWER" alone is an empty answer: accepted, and wrong.
        ben.send("ANSWER");
        ana.send("ANSWER square");
        ben.expect("ACCEPTED 2");
        ana.expect("ACCEPTED 2");
        ana.expect("RESULT 2 WRONG Triángulo");
        ben.expect("RESULT 2 WRONG Triángulo");
        ana.expect("SCORES ana:1 ben:0");
        ben.expect("SCORES ana:1 ben:0");
    }

    // Answers timed to fractions of a 1.2 s deadline: other tests' load would delay the grader's own answers.
    @RunsAlone
    @Requirement(clause = "QUIZ-4", points = 1)
    void endsRoundsAtAFixedDeadline(ServerUnderTest server) throws Exception {
        RoundDeadline.expectRoundEndsAtTheDeadline(server);
    }

    // Compares players' arrival times to 250 ms: only a grader with nothing else to do measures that fairly.
    @RunsAlone
    @Requirement(clause = "QUIZ-5", points = 3)
    void keepsRoundsInStep(ServerUnderTest server) throws Exception {
        Player.newGame(server, 4, "--rounds", "2");
        List<Player> players = started(server, 2, "fast", "medium", "slow", "last");
        for (Player player : players.subList(0, 3)) {
            player.send("ANSWER " + (player.team.equals("fast") ? "paris" : "rome"));
            player.expect("ACCEPTED 1");
        }
        for (Player waiting : players.subList(0, 3)) {
            waiting.probe.expectNoLine(step("what " + waiting.team + " receives while last has not answered",
                    "lo que recibe " + waiting.team + " mientras last no ha respondido"), Text.of("last has not answered",
                    "last no ha respondido"), Duration.ofSeconds(1));
        }
        Player last = players.get(3);
        last.send("ANSWER berlin");
        last.expect("ACCEPTED 1");
        RoundEnd.expectInStep(players, 1, "SCORES fast:1 medium:0 slow:0 last:0", Q2, server.timeouts().seconds(15),
                server.timeouts().scale());
    }

    @Requirement(clause = "QUIZ-6", points = 2)
    void matchesNormalisedAnswers(ServerUnderTest server) throws Exception {
        Player.newGame(server, 1);
        Player solo = started(server, 3, "solo").get(0);
        // Spaces and a tab around an accent typed as a separate combining mark (NFD, as macOS sends it); no accent
        // where the file has one; repeated spaces and a tab inside.
        String[][] rounds = {{"  PARI\u0301S\t", "París", "Shape with three sides?"}, {"triangulo", "Triángulo", "Largest city of the USA?"},
                {" new \t york ", "New  York", null}};
        for (int i = 0; i < rounds.length; i++) {
            solo.send("ANSWER " + rounds[i][0]);
            solo.expect("ACCEPTED " + (i + 1));
            solo.expect("RESULT " + (i + 1) + " CORRECT " + rounds[i][1]);
            solo.expect("SCORES solo:" + (i + 1));
            if (rounds[i][2] != null) {
                solo.expect("QUESTION " + (i + 2) + " " + rounds[i][2]);
            }
        }
        solo.expect("GAMEOVER solo");
    }

    @Requirement(clause = "QUIZ-7", points = 2)
    void announcesTiedWinners(ServerUnderTest server) throws Exception {
        Player.newGame(server, 3, "--rounds", "1");
        List<Player> players = started(server, 1, "zeta", "alpha", "mid");
        players.get(0).send("ANSWER paris");
        players.get(1).send("ANSWER París");
        players.get(2).send("ANSWER london");
        for (Player player : players) {
            player.expect("ACCEPTED 1");
            player.probe.readLine(step("RESULT for " + player.team, "RESULT para " + player.team));
            player.expect("SCORES zeta:1 alpha:1 mid:0");
            player.expect("GAMEOVER zeta,alpha");
            player.probe.expectClosed(step("after GAMEOVER", "tras GAMEOVER"), player.probe.replyTimeout());
        }
    }

    @Requirement(clause = "QUIZ-7", points = 1)
    void startsAFreshGame(ServerUnderTest server) throws Exception {
        Player.newGame(server, 2, "--rounds", "1");
        List<Player> first = started(server, 1, "again", "other");
        // A connection that never joins is no part of the game: it joins the next one.
        Player lurker = Player.connect(server, "again");
        first.get(0).send("ANSWER paris");
        first.get(1).send("ANSWER x");
        for (Player player : first) {
            player.expect("ACCEPTED 1");
            player.probe.readLine(step("RESULT of the first game for " + player.team, "RESULT de la primera partida para " + player.team));
            player.expect("SCORES again:1 other:0");
            player.expect("GAMEOVER again");
            player.probe.expectClosed(step("after GAMEOVER of the first game", "tras el GAMEOVER de la primera partida"),
                    player.probe.replyTimeout());
        }
        // The second game starts from nothing: places, scores and rounds; nobody scores, so both are winners.
        lurker.send("JOIN again");
        lurker.expect("WELCOME again 1/2");
        Player fresh = Player.join(server, "fresh", 2, 2);
        lurker.expect("JOINED fresh 2/2");
        List<Player> second = List.of(lurker, fresh);
        for (Player player : second) {
            player.expect("START 1");
            player.expect(Q1);
            player.send("ANSWER x");
            player.expect("ACCEPTED 1");
        }
        for (Player player : second) {
            player.expect("RESULT 1 WRONG París");
            player.expect("SCORES again:0 fresh:0");
            player.expect("GAMEOVER again,fresh");
            player.probe.expectClosed(step("after GAMEOVER of the second game", "tras el GAMEOVER de la segunda partida"),
                    player.probe.replyTimeout());
        }
    }

    @Requirement(clause = "QUIZ-8", points = 1)
    void answersErrors(ServerUnderTest server) throws Exception {
        Player.newGame(server, 2, "--rounds", "1");
        Player stranger = Player.connect(server, "stranger");
        stranger.send("ANSWER 42");
        stranger.expect("ERR not-joined");
        for (String line : List.of("HELLO", "answer 42", "")) {
            stranger.send(line);
            stranger.expect("ERR unknown-command");
        }
        Player early = Player.join(server, "early", 1, 2);
        early.send("ANSWER too soon");
        early.expect("ERR no-question");
        Player second = Player.join(server, "second", 2, 2);
        early.expect("JOINED second 2/2");
        early.expect("START 1");
        early.expect(Q1);
        early.send("ANSWER paris");
        early.expect("ACCEPTED 1");
        early.send("ANSWER london");
        early.expect("ERR already-answered");
        second.expect("START 1");
        second.expect(Q1);
        second.send("ANSWER x");
        second.expect("ACCEPTED 1");
        // The first answer counts.
        early.expect("RESULT 1 CORRECT París");
    }

    @Requirement(clause = "QUIZ-8", points = 1)
    void findsLinesHoweverTheyArrive(ServerUnderTest server) throws Exception {
        Lines.expectLinesFoundHoweverTheyArrive(server);
    }

    @Requirement(clause = "QUIZ-9", points = 2)
    void completesRoundsWithoutLeavers(ServerUnderTest server) throws Exception {
        Player.newGame(server, 3, "--rounds", "2");
        List<Player> players = started(server, 2, "stays", "also", "quits");
        players.get(0).send("ANSWER paris");
        players.get(0).expect("ACCEPTED 1");
        players.get(1).send("ANSWER paris");
        players.get(1).expect("ACCEPTED 1");
        players.get(2).probe.reset();
        for (Player player : players.subList(0, 2)) {
            Text step = step("what " + player.team + " receives after quits vanished", "lo que recibe " + player.team + " tras irse quits");
            boolean left = false;
            String line = player.probe.readLine(step);
            if (line.equals("LEFT quits")) {
                left = true;
                line = player.probe.readLine(step);
            }
            if (!line.equals("RESULT 1 CORRECT París")) {
                throw ConformanceFailure.wrongOutput(step, Text.of("LEFT quits and RESULT 1 CORRECT París",
                        "LEFT quits y RESULT 1 CORRECT París"), Facts.quoted(line));
            }
            if (!left) {
                player.expect("LEFT quits");
            }
            player.expect("SCORES stays:1 also:1");
            player.expect(Q2);
        }
    }

    @Requirement(clause = "QUIZ-10", points = 1)
    void refusesBadStartUps(ServerUnderTest server) throws Exception {
        Path dir = server.dataDir();
        Path good = Files.writeString(dir.resolve("good.json"), Player.QUESTIONS);
        String[][] files = {
                {"missing.json", null},
                {"text.json", "not json"},
                {"object.json", "{\"question\":\"q\",\"answer\":\"a\"}"},
                {"empty.json", "[]"},
                {"number.json", "[1]"},
                {"answer-number.json", "[{\"question\":\"q\",\"answer\":4}]"},
                {"blank-question.json", "[{\"question\":\"  \",\"answer\":\"a\"}]"},
                {"two-lines.json", "[{\"question\":\"q\",\"answer\":\"a\\nb\"}]"}};
        List<List<String>> bad = new ArrayList<>();
        for (String[] file : files) {
            Path path = dir.resolve(file[0]);
            if (file[1] != null) {
                Files.writeString(path, file[1]);
            }
            bad.add(List.of("--players", "2", "--questions", path.toString()));
        }
        bad.add(List.of("--players", "2", "--questions", good.toString(), "--rounds", "0"));
        bad.add(List.of("--players", "2", "--questions", good.toString(), "--rounds", "4"));
        for (List<String> arguments : bad) {
            ClientResult result = server.runExpectingExit(arguments, server.timeouts().seconds(10));
            String shown = String.join(" ", arguments).replace(dir.toString() + "/", "");
            result.expectExitCode(step("exit code of a server started with " + shown, "código de salida de un servidor arrancado con " + shown), 2)
                    .expectErrorLine(step("stderr of a server started with " + shown, "stderr de un servidor arrancado con " + shown));
        }
    }

    @Requirement(clause = "QUIZ-10", points = 1)
    void refusesBadOptionsAndABusyPort(ServerUnderTest server) throws Exception {
        String questions = Files.writeString(server.dataDir().resolve("options.json"), Player.QUESTIONS).toString();
        String[][] bad = {
                {"--questions", questions},
                {"--players", "2", "--questions", questions, "--colour", "red"},
                {"--players", "0", "--questions", questions},
                {"--players", "two", "--questions", questions},
                {"--players", "2", "--questions", questions, "--answer-timeout-ms", "0"}};
        for (String[] arguments : bad) {
            String shown = String.join(" ", arguments).replace(questions, "FILE");
            server.expectStartRefused(List.of(arguments), shown);
        }
        server.expectStartRefusedOnBusyPort(List.of("--players", "2", "--questions", questions));
    }

    @Requirement(clause = "QUIZ-11", points = 1, level = Level.SHOULD)
    void exitsZeroOnSigterm(ServerUnderTest server) throws Exception {
        Player.newGame(server, 1);
        started(server, 3, "solo");
        server.expectCleanTermination();
    }
}
