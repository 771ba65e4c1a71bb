package io.socketlab.reference.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writes LF-terminated lines, flushing each one so that the reader sees it at once. */
public final class Lines {

    private Lines() {
    }

    /** Writes {@code content} and LF (never CRLF: senders send LF only), then flushes. */
    public static void write(OutputStream out, byte[] content) throws IOException {
        // One write call, so that even an unbuffered socket stream sends the line in one piece.
        byte[] line = Arrays.copyOf(content, content.length + 1);
        line[content.length] = '\n';
        out.write(line);
        out.flush();
    }

    /** Writes {@code text} in UTF-8 and LF, then flushes. */
    public static void write(OutputStream out, String text) throws IOException {
        write(out, text.getBytes(StandardCharsets.UTF_8));
    }
}
