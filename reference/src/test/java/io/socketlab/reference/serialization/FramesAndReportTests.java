package io.socketlab.reference.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socketlab.reference.serialization.Frames.BadLengthException;
import io.socketlab.reference.serialization.Report.BadRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SER-1 to SER-4 without a socket: framing on byte streams, validation on parsed JSON. */
class FramesAndReportTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFrameIsAFourByteBigEndianLengthThenTheBodyInOneWrite() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Frames.write(out, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(out.toByteArray()).containsExactly(0, 0, 0, 2, '{', '}');
    }

    @Test
    void framesAreReadWholeEvenOneByteAtATimeAndACleanEndIsNull() throws IOException {
        byte[] twoFrames = {0, 0, 0, 1, 'a', 0, 0, 0, 2, 'b', 'c'};
        DataInputStream in = new DataInputStream(oneByteAtATime(twoFrames));

        assertThat(Frames.read(in)).containsExactly('a');
        assertThat(Frames.read(in)).containsExactly('b', 'c');
        assertThat(Frames.read(in)).isNull();
    }

    @Test
    void aForbiddenLengthIsRefusedBeforeItsBodyIsReadAndAFrameCutShortIsAnEof() {
        assertThatThrownBy(() -> Frames.read(stream(0, 0, 0, 0))).isInstanceOf(BadLengthException.class);
        // 2 GiB announced: refused without allocating, and the unsigned value is named.
        assertThatThrownBy(() -> Frames.read(stream(0x80, 0, 0, 0))).isInstanceOf(BadLengthException.class)
                .hasMessageContaining("2147483648");
        assertThatThrownBy(() -> Frames.read(stream(0, 0x10, 0, 1))).isInstanceOf(BadLengthException.class);
        assertThatThrownBy(() -> Frames.read(stream(0, 0, 0, 5, 'a'))).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> Frames.read(stream(0, 0))).isInstanceOf(EOFException.class);
    }

    @Test
    void aReportNeedsFourStringsOfOneTo256CodePointsAndAnRfc3339Timestamp() throws Exception {
        String emojis = "😀".repeat(256); // 512 chars, 256 code points: allowed
        Report report = Report.from(JSON.readTree("{\"type\":\"report\",\"hostname\":\"" + emojis + "\","
                + "\"timestamp\":\"2026-06-03T17:48:08.123456789123+02:00\",\"runtime\":\"r\",\"os\":\"o\",\"extra\":1}"));
        assertThat(report.hostname()).isEqualTo(emojis);

        expectBadRequest("{\"hostname\":\"h\",\"timestamp\":\"2026-06-03T17:48:08Z\",\"runtime\":\"r\"}", "\"os\"");
        expectBadRequest(valid().replace("\"os\":\"o\"", "\"os\":7"), "\"os\" must be a string");
        expectBadRequest(valid().replace("\"os\":\"o\"", "\"os\":\"\""), "not 0");
        expectBadRequest(valid().replace("\"os\":\"o\"", "\"os\":\"" + "x".repeat(257) + "\""), "not 257");
        expectBadRequest(valid().replace("\"os\":\"o\"", "\"os\":\"a\\ud800b\""), "lone surrogate");
        assertThat(Report.from(JSON.readTree(valid().replace("\"os\":\"o\"", "\"os\":\"\\ud83d\\ude00\""))).os())
                .isEqualTo("😀");
        for (String timestamp : new String[] {"2026-06-03T17:48Z", "2026-06-03T17:48:08", "2026-02-30T10:00:00Z",
                "2026-06-03 17:48:08Z", "yesterday"}) {
            expectBadRequest(valid().replace("2026-06-03T17:48:08Z", timestamp), "timestamp");
        }
    }

    private static String valid() {
        return "{\"hostname\":\"h\",\"timestamp\":\"2026-06-03T17:48:08Z\",\"runtime\":\"r\",\"os\":\"o\"}";
    }

    private static void expectBadRequest(String request, String because) {
        assertThatThrownBy(() -> Report.from(JSON.readTree(request))).as(request)
                .isInstanceOf(BadRequestException.class).hasMessageContaining(because);
    }

    private static DataInputStream stream(int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return new DataInputStream(new ByteArrayInputStream(data));
    }

    /** A stream that gives at most one byte per read, as a peer sending one byte per TCP segment would. */
    private static InputStream oneByteAtATime(byte[] data) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
    }
}
