package io.socketlab.grader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How report files are written and kept within what their readers accept: each file appears whole or not at all
 * (written beside, then moved into place), and a text over its budget is cut at a character boundary with a note.
 */
final class ReportFiles {

    private ReportFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code file}, creating its folder; a failed write leaves no partial file. */
    static void write(Path file, CharSequence text) {
        write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path file, byte[] bytes) {
        Path partial = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            partial = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".partial");
            Files.write(partial, bytes);
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // Best effort: the report itself was written or the error above says why not.
                }
            }
        }
    }

    /** The UTF-8 size of {@code text}. */
    static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * {@code text} if it fits in {@code maxBytes} of UTF-8, else its longest prefix that fits together with
     * {@code note} (never splitting a surrogate pair), followed by the note.
     */
    static String cut(String text, int maxBytes, String note) {
        if (utf8Length(text) <= maxBytes) {
            return text;
        }
        int budget = Math.max(0, maxBytes - utf8Length(note));
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end) + note;
    }
}
