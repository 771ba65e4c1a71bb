package io.socketlab.reference.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

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
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    /**
     * Reads from {@code in}, which should be buffered (a BufferedInputStream around a socket's
     * stream, or System.in): this class asks it for one byte at a time.
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
        line.reset();
        int b = in.read();
        if (b == -1) {
            return null;
        }
        // SOCK-3: a line may arrive in any number of pieces; it ends only at LF.
        while (b != '\n' && b != -1) {
            line.write(b);
            // SOCK-4: stop at once instead of buffering a hostile endless line; one byte over
            // the limit is still fine if it is the CR of a CRLF.
            if (line.size() > maxBytes && !(line.size() == maxBytes + 1 && b == '\r')) {
                throw new LineTooLongException(maxBytes);
            }
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        boolean crlf = bytes.length > 0 && bytes[bytes.length - 1] == '\r';
        return crlf ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
    }
}
