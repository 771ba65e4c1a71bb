package io.socketlab.grader.probe;

import io.socketlab.grader.model.Text;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Renders bytes for a student: quoted text with {@code \r \n} visible when it is text, hex when it is binary, long values cut. */
public final class Bytes {

    /** Longest rendering of one value, in characters. */
    public static final int MAX_RENDERED = 160;

    private Bytes() {
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code "hello\n"} for text, {@code hex 00 ff 10 ... (300 bytes)} for binary; both cut to a readable length. */
    public static String render(byte[] bytes) {
        return render(bytes, 0, bytes.length);
    }

    public static String render(byte[] bytes, int offset, int length) {
        String text = decodeStrict(bytes, offset, length);
        if (text != null && mostlyPrintable(text)) {
            return quote(text);
        }
        int shown = Math.min(length, MAX_RENDERED / 3);
        String hex = HexFormat.ofDelimiter(" ").formatHex(bytes, offset, offset + shown);
        return "hex " + hex + (shown < length ? " ... (" + length + " bytes)" : "");
    }

    /** A string in double quotes with control characters escaped, cut in the middle of long values. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().limit(MAX_RENDERED).forEach(c -> out.append(escape(c)));
        out.append('"');
        long total = text.codePoints().count();
        if (total > MAX_RENDERED) {
            out.append(" ... (").append(utf8(text).length).append(" bytes)");
        }
        return out.toString();
    }

    private static String escape(int c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            default -> c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : new String(Character.toChars(c));
        };
    }

    private static boolean mostlyPrintable(String text) {
        long control = text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t').count();
        return control * 10 <= text.length();
    }

    private static String decodeStrict(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Index of the first byte where the two differ, or -1 when equal. */
    public static int firstDifference(byte[] expected, byte[] actual) {
        int common = Math.min(expected.length, actual.length);
        for (int i = 0; i < common; i++) {
            if (expected[i] != actual[i]) {
                return i;
            }
        }
        return expected.length == actual.length ? -1 : common;
    }

    /** Describes where two byte sequences diverge, showing a little of each around that place. */
    public static Text describeDifference(byte[] expected, byte[] actual) {
        int at = firstDifference(expected, actual);
        if (at < 0) {
            return Text.of("identical", "idénticos");
        }
        return differenceAt(at, expected.length, expected, actual, at, actual.length);
    }

    /**
     * Describes a difference found at byte {@code offset} of a stream of {@code total} bytes, given windows of both
     * sides aligned on each other ({@code at} indexes that byte in both), and how many bytes {@code arrived} in all.
     */
    static Text differenceAt(long offset, long total, byte[] expected, byte[] actual, int at, long arrived) {
        int from = Math.max(0, at - 8);
        String want = render(expected, from, Math.max(0, Math.min(expected.length - from, 24)));
        Text got = actual.length > from ? Text.same(render(actual, from, Math.min(actual.length - from, 24)))
                : Text.of("nothing", "nada");
        return Text.format("differs at byte %d of %d: expected %s but got %s (%d bytes in all)",
                "difiere en el byte %d de %d: se esperaba %s pero llegó %s (%d bytes en total)",
                offset, total, want, got, arrived);
    }

    /** A size as a student reads it: {@code 16 MiB}, {@code 48 KiB}, or {@code 1500 bytes}. */
    public static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return bytes / (1 << 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
