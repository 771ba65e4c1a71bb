package io.socketlab.reference.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketlab.reference.LoopbackPair;
import io.socketlab.reference.common.Failure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quiz's parts: answer matching, the questions file, and the game's decisions with players on loopback pairs. */
class QuizPartsTests {

    private static final List<Question> ONE_QUESTION = List.of(new Question("¿Triángulo de lados 3, 4 y 5?",
            "Triángulo Rectángulo"));

    @TempDir
    Path dir;

    @Test
    void answersMatchWhateverTheirCaseAccentsAndSpaces() {
        assertThat(Answers.match("  triangulo\u00a0 RECTÁNGULO ", "Triángulo Rectángulo")).isTrue();
        assertThat(Answers.match("Ａ", "a")).as("full-width letters are other letters").isFalse();
        assertThat(Answers.match("triangulos rectangulos", "Triángulo Rectángulo")).isFalse();
        assertThat(Answers.normalise("Ça  Va\tBIEN")).isEqualTo("ca va bien");
    }

    @Test
    void aQuestionsFileIsANonEmptyArrayOfOneLineQuestionsAndAnswers() throws Exception {
        assertThat(Question.load(file("[{\"question\": \"2+2?\", \"answer\": \"4\", \"hint\": \"ignored\"}]")))
                .containsExactly(new Question("2+2?", "4"));
        for (String bad : new String[] {"[]", "{}", "not json", "[1]", "[{\"question\": \"q\"}]",
                "[{\"question\": \" \", \"answer\": \"a\"}]", "[{\"question\": \"a\\nb\", \"answer\": \"a\"}]",
                "[{\"question\": \"q\", \"answer\": 4}]", "[{\"question\": \"q\", \"answer\": \"a\"}] trailing"}) {
            assertThatThrownBy(() -> Question.load(file(bad))).as(bad).isInstanceOfSatisfying(Failure.class,
                    failure -> assertThat(failure.exitCode()).isEqualTo(Failure.USAGE)).hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> Question.load(dir.resolve("missing.json"))).isInstanceOf(Failure.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void aGameStartsWithItsLastPlayerAcceptsAnswersAtOnceAndEndsWithTheWinners() throws Exception {
        try (LoopbackPair ana = LoopbackPair.open(); LoopbackPair bob = LoopbackPair.open();
             LoopbackPair late = LoopbackPair.open()) {
            QuizGame game = new QuizGame(ONE_QUESTION, 2, 10_000);
            QuizPlayer anaPlayer = new QuizPlayer(ana.server);
            QuizPlayer bobPlayer = new QuizPlayer(bob.server);
            BufferedReader toAna = reader(ana);
            BufferedReader toBob = reader(bob);

            assertThat(game.join(anaPlayer, "ana team")).isTrue();
            assertThat(toAna.readLine()).isEqualTo("ERR bad-team");
            assertThat(game.join(anaPlayer, "ana")).isTrue();
            assertThat(toAna.readLine()).isEqualTo("WELCOME ana 1/2");
            assertThat(game.join(bobPlayer, "ana")).isTrue();
            assertThat(toBob.readLine()).isEqualTo("ERR team-taken");
            game.answer(anaPlayer, "too early");
            assertThat(toAna.readLine()).isEqualTo("ERR no-question");

            game.join(bobPlayer, "bob");
            assertThat(toAna.readLine()).isEqualTo("JOINED bob 2/2");
            assertThat(toBob.readLine()).isEqualTo("WELCOME bob 2/2");
            assertThat(game.join(new QuizPlayer(late.server), "late")).as("the connection is to be closed").isFalse();
            assertThat(reader(late).readLine()).isEqualTo("ERR game-started");

            for (BufferedReader player : List.of(toAna, toBob)) {
                assertThat(player.readLine()).isEqualTo("START 1");
                assertThat(player.readLine()).isEqualTo("QUESTION 1 ¿Triángulo de lados 3, 4 y 5?");
            }
            game.answer(anaPlayer, "triangulo rectangulo");
            assertThat(toAna.readLine()).isEqualTo("ACCEPTED 1");
            game.answer(anaPlayer, "again");
            assertThat(toAna.readLine()).isEqualTo("ERR already-answered");
            game.answer(bobPlayer, "isósceles"); // the last answer due ends the round at once

            assertThat(toAna.readLine()).isEqualTo("RESULT 1 CORRECT Triángulo Rectángulo");
            assertThat(toBob.readLine()).isEqualTo("ACCEPTED 1");
            assertThat(toBob.readLine()).isEqualTo("RESULT 1 WRONG Triángulo Rectángulo");
            for (BufferedReader player : List.of(toAna, toBob)) {
                assertThat(player.readLine()).isEqualTo("SCORES ana:1 bob:0");
                assertThat(player.readLine()).isEqualTo("GAMEOVER ana");
                assertThat(player.readLine()).as("the server closes after GAMEOVER").isNull();
            }
        }
    }

    @Test
    void aPlayerWhoDoesNotAnswerInTimeGetsTimeoutAndOneWhoLeavesIsLeft() throws Exception {
        try (LoopbackPair ana = LoopbackPair.open(); LoopbackPair bob = LoopbackPair.open()) {
            QuizGame game = new QuizGame(ONE_QUESTION, 2, 2_000); // long enough for the test to leave first
            QuizPlayer anaPlayer = new QuizPlayer(ana.server);
            QuizPlayer bobPlayer = new QuizPlayer(bob.server);
            BufferedReader toAna = reader(ana);
            game.join(anaPlayer, "ana");
            game.join(bobPlayer, "bob");

            assertThat(List.of(toAna.readLine(), toAna.readLine(), toAna.readLine(), toAna.readLine()))
                    .containsExactly("WELCOME ana 1/2", "JOINED bob 2/2", "START 1", "QUESTION 1 ¿Triángulo de lados 3, 4 y 5?");
            game.leave(bobPlayer); // QUIZ-9: the game goes on without bob

            assertThat(toAna.readLine()).isEqualTo("LEFT bob");
            assertThat(toAna.readLine()).isEqualTo("RESULT 1 TIMEOUT Triángulo Rectángulo");
            assertThat(toAna.readLine()).isEqualTo("SCORES ana:0");
            assertThat(toAna.readLine()).isEqualTo("GAMEOVER ana");
        }
    }

    private Path file(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "questions", ".json"), content, StandardCharsets.UTF_8);
    }

    private static BufferedReader reader(LoopbackPair pair) throws IOException {
        return new BufferedReader(new InputStreamReader(pair.client.getInputStream(), StandardCharsets.UTF_8));
    }
}
