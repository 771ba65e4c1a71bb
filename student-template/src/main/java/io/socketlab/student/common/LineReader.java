package io.socketlab.student.common;

import java.io.IOException;
import java.io.InputStream;

/** Reads LF-terminated lines as raw bytes, refusing a line as soon as it grows past a limit. */
public final class LineReader {

    /** Thrown as soon as a line passes the limit; the rest of that line is left unread. */
    public static final class LineTooLongException extends IOException {

        LineTooLongException(int maxBytes) {
            super("line longer than " + maxBytes + " bytes");
        }
    }

    private final InputStream in;
    private final int maxBytes;

    /**
     * Reads from {@code in}, which should be buffered (a BufferedInputStream around a socket's
     * stream, or System.in): a line reader asks it for one byte at a time.
     *
     * @param maxBytes the longest line accepted, not counting its LF or CRLF
     */
    public LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /**
     * Returns the next line without its LF, and without the CR of a CRLF, or null at the end of the
     * stream; a last line cut off by the end of the stream is returned as it stands. Bytes are
     * returned undecoded, so that counts are exact and invalid UTF-8 cannot trip a decoder.
     *
     * @throws LineTooLongException as soon as the line is known to exceed the limit
     */
    public byte[] readLine() throws IOException {
        // TODO(SOCK-3): read byte by byte from `in` (read() returns -1 at the end of the stream)
        //   into a ByteArrayOutputStream until LF. A line may arrive in many pieces (even one
        //   byte per TCP segment) and several lines in one piece: only LF ends a line.
        // TODO(SOCK-3): strip one CR just before the LF; it is not part of the line.
        // TODO(SOCK-4): throw new LineTooLongException(maxBytes) as soon as the line has more
        //   than maxBytes bytes (one more is fine if it is the CR of a CRLF). Never keep reading
        //   a line that is already too long: a hostile client could send gigabytes.
        throw new UnsupportedOperationException("not implemented yet: see specs/sockets.md");
    }
}
