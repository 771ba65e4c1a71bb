package io.socketlab.grader.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Payloads are generated again wherever they are needed, identically, and say where a copy differs. */
class PayloadTests {

    @Test
    void theSameSeedGivesTheSameBytesEveryTimeTheyAreOpened() throws IOException {
        Payload payload = Payload.random(new Random(7), 200_000);

        byte[] first = payload.open().readAllBytes();
        byte[] second = payload.open().readAllBytes();

        assertThat(first).hasSize(200_000).isEqualTo(second);
        assertThat(payload.differenceFrom(first)).isNull();
    }

    @Test
    void saysWhereACopyDiffersAndHowLongItWas() throws IOException {
        Payload payload = Payload.random(new Random(8), 3 << 20);
        byte[] copy = payload.open().readAllBytes();
        copy[(2 << 20) + 5] ^= 0x40;

        assertThat(payload.differenceFrom(copy).en())
                .startsWith("differs at byte " + ((2 << 20) + 5) + " of " + (3 << 20) + ": expected hex ")
                .endsWith("(" + (3 << 20) + " bytes in all)");
    }

    @Test
    void aTruncatedCopyDiffersWhereItEnds() throws IOException {
        Payload payload = Payload.of(Bytes.utf8("hello\n"));

        assertThat(payload.differenceFrom(Bytes.utf8("hello")).en())
                .isEqualTo("differs at byte 5 of 6: expected \"hello\\n\" but got \"hello\" (5 bytes in all)");
        assertThat(payload.open().readAllBytes()).isEqualTo(Bytes.utf8("hello\n"));
    }

    @Test
    void describesItselfForAStudentInBothLanguages() {
        assertThat(Payload.random(new Random(9), 16 << 20).description().en()).isEqualTo("16 MiB of random bytes");
        assertThat(Payload.random(new Random(9), 16 << 20).description().es()).isEqualTo("16 MiB de bytes aleatorios");
        assertThat(Payload.random(new Random(9), 1000).description().es()).isEqualTo("1000 bytes aleatorios");
        assertThat(Payload.of(Bytes.utf8("hi\n")).description().en()).isEqualTo("\"hi\\n\"");
    }
}
