package io.socketlab.reference.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketlab.reference.common.LineReader.LineTooLongException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SOCK-3, SOCK-4: LF-terminated lines as bytes, whatever the pieces they arrive in, up to a limit. */
class LineReaderTests {

    @Test
    void aLineInManyPiecesIsOneLineAndCrlfEndsOneToo() throws IOException {
        LineReader lines = new LineReader(pieces("hé", "llo\r", "\nsecond\nthird"), 100);

        assertThat(lines.readLine()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo("second".getBytes(StandardCharsets.UTF_8));
        assertThat(lines.readLine()).as("a last line cut off by the end").isEqualTo("third".getBytes(StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isNull();
    }

    @Test
    void bytesAreNotDecodedSoInvalidUtf8AndEmptyLinesComeThrough() throws IOException {
        LineReader lines = new LineReader(new ByteArrayInputStream(new byte[] {(byte) 0xC3, 0x28, '\n', '\n'}), 100);

        assertThat(lines.readLine()).containsExactly(0xC3, 0x28);
        assertThat(lines.readLine()).isEmpty();
    }

    @Test
    void theLimitCountsBytesAndTheCrOfACrlfIsNotCounted() throws IOException {
        LineReader lines = new LineReader(pieces("abcd\r\nabcd\n"), 4);

        assertThat(lines.readLine()).hasSize(4);
        assertThat(lines.readLine()).hasSize(4);
        assertThatThrownBy(() -> new LineReader(pieces("ééé\n"), 4).readLine()).isInstanceOf(LineTooLongException.class);
    }

    @Test
    void anEndlessLineIsRefusedWithoutReadingItAll() throws IOException {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        LineReader lines = new LineReader(endless, 8192);

        assertThatThrownBy(lines::readLine).isInstanceOf(LineTooLongException.class).hasMessageContaining("8192");
    }

    @Test
    void linesAreWrittenWithLfInOneWrite() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void write(byte[] bytes) {
                assertThat(size()).as("one write call per line").isZero();
                super.write(bytes, 0, bytes.length);
            }
        };

        Lines.write(out, "RECEIVED 5");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("RECEIVED 5\n");
    }

    /** A stream that hands out {@code parts} one read at a time, as TCP segments would. */
    private static InputStream pieces(String... parts) {
        List<InputStream> streams = Arrays.stream(parts)
                .map(part -> (InputStream) new ByteArrayInputStream(part.getBytes(StandardCharsets.UTF_8))).toList();
        return new SequenceInputStream(Collections.enumeration(streams));
    }
}
