package io.socketlab.grader.probe;

import static io.socketlab.grader.probe.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTests {

    private final Transcript transcript = new Transcript();

    @Test
    void numbersChannelsAcrossKindsInTheOrderTheyOpen() {
        assertThat(transcript.newChannel("tcp")).isEqualTo("tcp#1");
        assertThat(transcript.newChannel("udp")).isEqualTo("udp#2");
        assertThat(transcript.newChannel("tcp")).isEqualTo("tcp#3");
    }

    @Test
    void startsEmptyAndIsNotEmptyOnceSomethingHappened() {
        assertThat(transcript.isEmpty()).isTrue();
        assertThat(transcript.render()).isEmpty();

        transcript.note("tcp#1", Text.of("connected", "conectado"));

        assertThat(transcript.isEmpty()).isFalse();
    }

    @Test
    void rendersOneLinePerEntryInOrderWithChannelDirectionAndRenderedBytes() {
        transcript.note("tcp#1", Text.of("connected to 127.0.0.1:4000", "conectado a 127.0.0.1:4000"));
        transcript.sent("tcp#1", utf8("hello\n"), 0, 6);
        transcript.received("tcp#1", utf8("xxHELLO\r\n"), 2, 7);
        transcript.received("udp#2", new byte[] {0x00, (byte) 0xff}, 0, 2);

        List<String> lines = transcript.render().lines().toList();

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("\\[ *\\d+ ms] tcp#1  \\*  connected to 127\\.0\\.0\\.1:4000");
        assertThat(lines.get(1)).matches("\\[ *\\d+ ms] tcp#1  C: \"hello\\\\n\"");
        assertThat(lines.get(2)).matches("\\[ *\\d+ ms] tcp#1  S: \"HELLO\\\\r\\\\n\"");
        assertThat(lines.get(3)).matches("\\[ *\\d+ ms] udp#2  S: hex 00 ff");
    }

    @Test
    void keepsEveryEntryWhileTheyFitInTheHeadAndTail() {
        record(80);

        String rendered = transcript.render();

        assertThat(rendered.lines()).hasSize(80);
        assertThat(rendered).doesNotContain("more exchanges");
    }

    @Test
    void keepsTheFirstAndLastFortyEntriesAndMarksHowManyWereLeftOut() {
        record(100);

        List<String> lines = transcript.render().lines().toList();

        assertThat(lines).hasSize(81);
        assertThat(lines.get(0)).endsWith("\"line 1\"");
        assertThat(lines.get(39)).endsWith("\"line 40\"");
        assertThat(lines.get(40)).isEqualTo("  ... 20 more exchanges ...");
        assertThat(lines.get(41)).endsWith("\"line 61\"");
        assertThat(lines.get(80)).endsWith("\"line 100\"");
    }

    @Test
    void countsASingleLeftOutEntry() {
        record(81);

        assertThat(transcript.render()).contains("  ... 1 more exchange ...\n");
    }

    private void record(int count) {
        for (int i = 1; i <= count; i++) {
            byte[] line = utf8("line " + i);
            transcript.sent("tcp#1", line, 0, line.length);
        }
    }
}
