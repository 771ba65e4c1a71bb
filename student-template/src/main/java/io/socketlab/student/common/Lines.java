package io.socketlab.student.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes LF-terminated lines, flushing each one so that the reader sees it at once. */
public final class Lines {

    private Lines() {
    }

    /** Writes {@code content} and LF (never CRLF: senders send LF only), then flushes. */
    public static void write(OutputStream out, byte[] content) throws IOException {
        // TODO(SOCK-2): write the content and '\n' in ONE write call (copy them into one array),
        //   so that even an unbuffered socket stream sends the line in one piece; then flush.
        throw new UnsupportedOperationException("not implemented yet: see specs/sockets.md");
    }

    /** Writes {@code text} in UTF-8 and LF, then flushes. */
    public static void write(OutputStream out, String text) throws IOException {
        write(out, text.getBytes(StandardCharsets.UTF_8));
    }
}
