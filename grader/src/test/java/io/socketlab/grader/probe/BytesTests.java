package io.socketlab.grader.probe;

import static io.socketlab.grader.probe.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BytesTests {

    @Nested
    class RenderingText {

        @Test
        void quotesTextAndMakesLineEndingsAndTabsVisible() {
            assertThat(Bytes.render(utf8("hello\r\n"))).isEqualTo("\"hello\\r\\n\"");
            assertThat(Bytes.render(utf8("a\tb\n"))).isEqualTo("\"a\\tb\\n\"");
        }

        @Test
        void escapesQuotesAndBackslashesSoTheQuotingStaysUnambiguous() {
            assertThat(Bytes.render(utf8("say \"hi\" C:\\tmp"))).isEqualTo("\"say \\\"hi\\\" C:\\\\tmp\"");
        }

        @Test
        void showsARareControlCharacterInHexInsideText() {
            assertThat(Bytes.render(utf8("ring\u0007 the bell"))).isEqualTo("\"ring\\x07 the bell\"");
        }

        @Test
        void keepsNonAsciiTextReadable() {
            assertThat(Bytes.render(utf8("héllo ñandú"))).isEqualTo("\"héllo ñandú\"");
        }

        @Test
        void rendersNothingAsAnEmptyString() {
            assertThat(Bytes.render(new byte[0])).isEqualTo("\"\"");
        }

        @Test
        void cutsALongValueAndSaysHowManyBytesItHad() {
            String rendered = Bytes.render(utf8("x".repeat(1000)));

            assertThat(rendered).isEqualTo("\"" + "x".repeat(Bytes.MAX_RENDERED) + "\" ... (1000 bytes)");
        }

        @Test
        void countsTheBytesNotTheCharactersOfACutValue() {
            assertThat(Bytes.quote("é".repeat(200))).endsWith("\" ... (400 bytes)");
        }

        @Test
        void leavesAValueOfExactlyTheLimitWhole() {
            assertThat(Bytes.quote("y".repeat(Bytes.MAX_RENDERED))).isEqualTo("\"" + "y".repeat(Bytes.MAX_RENDERED) + "\"");
        }

        @Test
        void rendersOnlyTheRequestedSlice() {
            assertThat(Bytes.render(utf8("xxhelloxx"), 2, 5)).isEqualTo("\"hello\"");
        }
    }

    @Nested
    class RenderingBinary {

        @Test
        void showsBytesThatAreNotUtf8AsHex() {
            assertThat(Bytes.render(new byte[] {0x00, (byte) 0xff, 0x10})).isEqualTo("hex 00 ff 10");
        }

        @Test
        void showsValidUtf8ThatIsMostlyControlCharactersAsHex() {
            assertThat(Bytes.render(new byte[] {0x01, 0x02, 0x03, 'a'})).isEqualTo("hex 01 02 03 61");
        }

        @Test
        void cutsLongBinaryAndSaysHowManyBytesItHad() {
            byte[] all = new byte[300];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) (0x80 + i % 0x40);
            }
            int shown = Bytes.MAX_RENDERED / 3;

            String rendered = Bytes.render(all);

            assertThat(rendered).startsWith("hex 80 81 82 ").endsWith(" ... (300 bytes)");
            assertThat(rendered.substring("hex ".length(), rendered.indexOf(" ...")).split(" ")).hasSize(shown);
        }
    }

    @Nested
    class ComparingBytes {

        @Test
        void findsNoDifferenceBetweenEqualSequences() {
            assertThat(Bytes.firstDifference(utf8("same"), utf8("same"))).isEqualTo(-1);
            assertThat(Bytes.describeDifference(utf8("same"), utf8("same")).en()).isEqualTo("identical");
        }

        @Test
        void findsTheFirstByteThatDiffers() {
            assertThat(Bytes.firstDifference(utf8("hello world"), utf8("hello World"))).isEqualTo(6);
        }

        @Test
        void placesTheDifferenceWhereTheShorterSequenceEnds() {
            assertThat(Bytes.firstDifference(utf8("hello"), utf8("hel"))).isEqualTo(3);
            assertThat(Bytes.firstDifference(utf8("hel"), utf8("hello"))).isEqualTo(3);
        }

        @Test
        void describesADifferenceWithALittleOfEachSideAroundIt() {
            byte[] expected = utf8("0123456789abcdefghij" + "X" + "klmnopqrstuvwxyz0123456789");
            byte[] actual = utf8("0123456789abcdefghij" + "Y" + "klmnopqrstuvwxyz0123456789");

            assertThat(Bytes.describeDifference(expected, actual).en()).isEqualTo("differs at byte 20 of 47: expected "
                    + "\"cdefghijXklmnopqrstuvwxy\" but got \"cdefghijYklmnopqrstuvwxy\" (47 bytes in all)");
            assertThat(Bytes.describeDifference(expected, actual).es()).isEqualTo("difiere en el byte 20 de 47: se esperaba "
                    + "\"cdefghijXklmnopqrstuvwxy\" pero llegó \"cdefghijYklmnopqrstuvwxy\" (47 bytes en total)");
        }

        @Test
        void saysNothingCameWhenTheActualSequenceIsEmpty() {
            assertThat(Bytes.describeDifference(utf8("hi\n"), new byte[0]).en())
                    .isEqualTo("differs at byte 0 of 3: expected \"hi\\n\" but got nothing (0 bytes in all)");
        }

        @Test
        void describesATruncatedReply() {
            assertThat(Bytes.describeDifference(utf8("hello\n"), utf8("hello")).en())
                    .isEqualTo("differs at byte 5 of 6: expected \"hello\\n\" but got \"hello\" (5 bytes in all)");
        }
    }
}
