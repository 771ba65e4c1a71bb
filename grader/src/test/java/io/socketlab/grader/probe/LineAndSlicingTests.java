package io.socketlab.grader.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The two small values of the language: what a line may look like, and how a send is cut. */
class LineAndSlicingTests {

    @Test
    void aLineStartingWithAPrefixNeedsMoreThanSpacesAfterIt() {
        Line hello = Line.startingWith("HELLO ");

        assertThat(hello.matches("HELLO Ada's server v2")).isTrue();
        assertThat(hello.matches("HELLO ")).isFalse();
        assertThat(hello.matches("HELLO   ")).isFalse();
        assertThat(hello.matches("HELLOx")).isFalse();
    }

    @Test
    void anyOfDescribesItsAlternativesInBothLanguages() {
        Line answer = Line.anyOf(Line.exactly("RECEIVED 4"), Line.startingWith("ERR "));

        assertThat(answer.matches("RECEIVED 4")).isTrue();
        assertThat(answer.matches("ERR bad-utf8")).isTrue();
        assertThat(answer.matches("RECEIVED 3")).isFalse();
        assertThat(answer.description().en())
                .isEqualTo("\"RECEIVED 4\" or a line \"ERR \" followed by more than spaces");
        assertThat(answer.description().es())
                .isEqualTo("\"RECEIVED 4\" o una línea \"ERR \" seguida de algo más que espacios");
    }

    @Test
    void slicesCutEveryByteInPiecesOrAtGivenOffsets() {
        assertThat(Slicing.everyByte().cut(3)).containsExactly(new int[] {0, 1}, new int[] {1, 1}, new int[] {2, 1});
        assertThat(Slicing.pieces(4).cut(10)).containsExactly(new int[] {0, 4}, new int[] {4, 4}, new int[] {8, 2});
        assertThat(Slicing.at(8).cut(11)).containsExactly(new int[] {0, 8}, new int[] {8, 3});
        assertThat(Slicing.at(8, 20).cut(11)).containsExactly(new int[] {0, 8}, new int[] {8, 3});
        assertThat(Slicing.WHOLE.cut(11)).containsExactly(new int[] {0, 11});
        assertThat(Slicing.WHOLE.cut(0)).hasSize(1);
        assertThat(Slicing.WHOLE.describe(11)).isNull();
    }

    @Test
    void aCutSendIsDescribedForTheTranscript() {
        assertThat(Slicing.at(8).describe(11).en()).isEqualTo("(sent in 2 segments, cut at bytes [8])");
        assertThat(List.of(Slicing.pieces(2).describe(5).es())).containsExactly("(enviado en 3 segmentos de 2 bytes)");
    }
}
