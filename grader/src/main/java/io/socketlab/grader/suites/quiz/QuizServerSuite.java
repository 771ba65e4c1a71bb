package io.socketlab.grader.suites.quiz;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.Concurrently;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.RunsAlone;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The quiz server: joining, rounds, results and scores, synchronisation, matching, game over, errors, disconnects. */
@ExerciseSuite(exercise = "quiz", program = Program.SERVER, freshServerPerTest = true)
class QuizServerSuite {

    private static final String Q1 = "QUESTION 1 Capital of France?";
    private static final String Q2 = "QUESTION 2 Shape with three sides?";

    private static Text step(String en, String es) {
        return Text.of(en, es);
    }

    /** Starts a game of the given teams (all join, all receive START and the first question). */
    private static List<Player> started(ServerUnderTest server, int rounds, String... teams) throws Exception {
        List<Player> players = new ArrayList<>();
        for (int i = 0; i < teams.length; i++) {
            Player player = Player.join(server, teams[i], i + 1, teams.length);
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
    void startsAFourPlayerGame(ServerUnderTest server) throws Exception {
        Player.newGame(server, 4);
        started(server, 3, "red", "green", "blue", "gold");
    }

    @Requirement(clause = "QUIZ-2", points = 1)
    void refusesBadTeams(ServerUnderTest server) throws Exception {
        Player.newGame(server, 2);
        Player player = Player.connect(server, "retry");
        for (String team : List.of("", "two words", "abcdefghijklmnopqrstu", "ñandú", "semi;colon")) {
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
        other.send("JOIN blue");
        other.expect("WELCOME blue 2/3");
        red.expect("JOINED blue 2/3");
        red.send("JOIN green");
        red.expect("ERR already-joined");
    }

    @Requirement(clause = "QUIZ-2", points = 1)
    void refusesLateJoins(ServerUnderTest server) throws Exception {
        Player.newGame(server, 1);
        started(server, 3, "first");
        Player badName = Player.connect(server, "late");
        badName.send("JOIN not valid");
        badName.expect("ERR bad-team");
        Player late = Player.connect(server, "late");
        late.send("JOIN latecomer");
        late.expect("ERR game-started");
        late.probe.expectClosed(step("after ERR game-started", "tras ERR game-started"), late.probe.replyTimeout());
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
        ben.send("ANSWER triangle");
        ana.send("ANSWER square");
        ben.expect("ACCEPTED 2");
        ana.expect("ACCEPTED 2");
        ana.expect("RESULT 2 WRONG Triángulo");
        ben.expect("RESULT 2 WRONG Triángulo");
        ana.expect("SCORES ana:1 ben:0");
        ben.expect("SCORES ana:1 ben:0");
    }

    @Requirement(clause = "QUIZ-4", points = 1)
    void endsRoundsOnTimeout(ServerUnderTest server) throws Exception {
        Player.newGame(server, 2, "--rounds", "1", "--answer-timeout-ms", "500");
        List<Player> players = started(server, 1, "on_time", "asleep");
        players.get(0).send("ANSWER paris");
        players.get(0).expect("ACCEPTED 1");
        players.get(0).expect("RESULT 1 CORRECT París");
        players.get(1).expect("RESULT 1 TIMEOUT París");
        for (Player player : players) {
            player.expect("SCORES on_time:1 asleep:0");
            player.expect("GAMEOVER on_time");
        }
    }

    // Compares players' arrival times to 250 ms: only a grader with nothing else to do measures that fairly.
    @RunsAlone
    @Requirement(clause = "QUIZ-5", points = 3)
    void keepsRoundsInStep(ServerUnderTest server) throws Exception {
        Player.newGame(server, 3, "--rounds", "2");
        List<Player> players = started(server, 2, "fast", "medium", "slow");
        players.get(0).send("ANSWER paris");
        players.get(0).expect("ACCEPTED 1");
        players.get(1).send("ANSWER rome");
        players.get(1).expect("ACCEPTED 1");
        for (Player waiting : players.subList(0, 2)) {
            waiting.probe.expectNoLine(step("what " + waiting.team + " receives while slow has not answered",
                    "lo que recibe " + waiting.team + " mientras slow no ha respondido"), "slow has not answered", Duration.ofSeconds(1));
        }
        players.get(2).send("ANSWER berlin");
        players.get(2).expect("ACCEPTED 1");
        // Read all three players at once, noting when each line arrives.
        List<CompletableFuture<long[]>> arrivals = new ArrayList<>();
        for (Player player : players) {
            arrivals.add(Concurrently.start(() -> {
                Text step = step("the end of round 1 for " + player.team, "el final de la ronda 1 para " + player.team);
                String line = player.probe.readLine(step);
                if (!line.startsWith("RESULT 1 ")) {
                    throw ConformanceFailure.wrongOutput(step, "RESULT 1 ... first", Bytes.quote(line));
                }
                player.expect("SCORES fast:1 medium:0 slow:0");
                long scores = System.nanoTime();
                player.expect(Q2);
                return new long[] {scores, System.nanoTime()};
            }));
        }
        long lastScores = Long.MIN_VALUE;
        long firstQuestion = Long.MAX_VALUE;
        for (long[] times : Concurrently.awaitAll(arrivals, server.timeouts().seconds(15),
                step("the end of round 1", "el final de la ronda 1"), "RESULT 1, SCORES and QUESTION 2 for everyone")) {
            lastScores = Math.max(lastScores, times[0]);
            firstQuestion = Math.min(firstQuestion, times[1]);
        }
        // Lines to different sockets arrive a little apart even from a correct server: allow 250 ms of jitter.
        long earlyMillis = (lastScores - firstQuestion) / 1_000_000;
        if (earlyMillis > 250) {
            throw ConformanceFailure.wrongOutput(step("the order of round 1's end across players", "el orden del final de la ronda 1 entre jugadores"),
                    "every player's RESULT 1 and SCORES before anyone's QUESTION 2",
                    Text.of("a player got QUESTION 2 " + earlyMillis + " ms before another got SCORES",
                            "un jugador recibió QUESTION 2 " + earlyMillis + " ms antes de que otro recibiera SCORES"));
        }
    }

    @Requirement(clause = "QUIZ-6", points = 2)
    void matchesNormalisedAnswers(ServerUnderTest server) throws Exception {
        Player.newGame(server, 1);
        Player solo = started(server, 3, "solo").get(0);
        String[][] rounds = {{"  PARIS  ", "París", "Shape with three sides?"}, {"triangulo", "Triángulo", "Largest city of the USA?"},
                {"new   york", "New  York", null}};
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
        Player.newGame(server, 1, "--rounds", "1");
        for (int game = 1; game <= 2; game++) {
            Player solo = started(server, 1, "again").get(0);
            solo.send("ANSWER x");
            solo.expect("ACCEPTED 1");
            solo.expect("RESULT 1 WRONG París");
            solo.expect("SCORES again:0");
            solo.expect("GAMEOVER again");
            solo.probe.expectClosed(step("after GAMEOVER of game " + game, "tras el GAMEOVER de la partida " + game),
                    solo.probe.replyTimeout());
        }
    }

    @Requirement(clause = "QUIZ-8", points = 2)
    void answersErrors(ServerUnderTest server) throws Exception {
        Player.newGame(server, 2);
        Player stranger = Player.connect(server, "stranger");
        stranger.send("ANSWER 42");
        stranger.expect("ERR not-joined");
        stranger.send("HELLO");
        stranger.expect("ERR unknown-command");
        Player early = Player.join(server, "early", 1, 2);
        early.send("ANSWER too soon");
        early.expect("ERR no-question");
        Player second = Player.join(server, "second", 2, 2);
        early.expect("JOINED second 2/2");
        early.expect("START 3");
        early.expect(Q1);
        early.send("ANSWER paris");
        early.expect("ACCEPTED 1");
        early.send("ANSWER again");
        early.expect("ERR already-answered");
        second.expect("START 3");
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
                throw ConformanceFailure.wrongOutput(step, "LEFT quits and RESULT 1 CORRECT París", Bytes.quote(line));
            }
            if (!left) {
                player.expect("LEFT quits");
            }
            player.expect("SCORES stays:1 also:1");
            player.expect(Q2);
        }
    }

    @Requirement(clause = "QUIZ-9", points = 1)
    void handlesDisconnectsBeforeAndAfterTheStart(ServerUnderTest server) throws Exception {
        Player.newGame(server, 3, "--rounds", "1");
        Player first = Player.join(server, "first", 1, 3);
        Player gone = Player.join(server, "gone", 2, 3);
        first.expect("JOINED gone 2/3");
        Player.connect(server, "lurker").probe.close();
        gone.probe.close();
        // Waiting players are told LEFT (specs/quiz.md#quiz-9): once first hears it, the place is free.
        first.expect("LEFT gone");
        Player third = Player.join(server, "third", 2, 3);
        first.expect("JOINED third 2/3");
        Player fourth = Player.join(server, "fourth", 3, 3);
        for (Player player : List.of(first, third, fourth)) {
            player.probe.reset();
        }
        // Everyone vanished mid-game: once the server has noticed, the next player starts a fresh game.
        long deadline = System.nanoTime() + server.timeouts().seconds(5).toNanos();
        Text step = step("JOIN after every player of the running game vanished", "JOIN tras desaparecer todos los jugadores");
        while (true) {
            Player next = Player.connect(server, "next");
            next.send("JOIN next");
            String reply = next.probe.readLine(step);
            if (reply.equals("WELCOME next 1/3")) {
                return;
            }
            if (!reply.equals("ERR game-started") || System.nanoTime() > deadline) {
                throw ConformanceFailure.wrongOutput(step, "\"WELCOME next 1/3\" (a fresh game)", Bytes.quote(reply));
            }
            next.probe.close();
        }
    }

    @Requirement(clause = "QUIZ-10", points = 1)
    void refusesBadStartUps(ServerUnderTest server) throws Exception {
        Path dir = server.dataDir();
        Path good = Files.writeString(dir.resolve("good.json"), Player.QUESTIONS);
        String[][] bad = {
                {"--players", "2", "--questions", dir.resolve("missing.json").toString()},
                {"--players", "2", "--questions", Files.writeString(dir.resolve("text.json"), "not json").toString()},
                {"--players", "2", "--questions", Files.writeString(dir.resolve("object.json"), "{\"question\":\"q\",\"answer\":\"a\"}").toString()},
                {"--players", "2", "--questions", Files.writeString(dir.resolve("number.json"), "[{\"question\":\"q\",\"answer\":4}]").toString()},
                {"--players", "2", "--questions", Files.writeString(dir.resolve("empty.json"), "[]").toString()},
                {"--players", "2", "--questions", good.toString(), "--rounds", "0"},
                {"--players", "2", "--questions", good.toString(), "--rounds", "4"}};
        for (String[] arguments : bad) {
            ClientResult result = server.runExpectingExit(List.of(arguments), server.timeouts().seconds(10));
            String shown = String.join(" ", arguments).replace(dir.toString() + "/", "");
            result.expectExitCode(step("exit code of a server started with " + shown, "código de salida de un servidor arrancado con " + shown), 2);
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
