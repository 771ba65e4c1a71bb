package io.socketlab.grader.variants.filetransfer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Mistake: ends an upload at a line {@code END} in the byte stream instead of trusting the size,
 * so content containing {@code \nEND\n} is cut short; must lose FT-1.
 */
public final class EndMarkerFileTransferServer extends FileTransferServerBase {

    private static final byte[] MARKER = "END\n".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws IOException {
        new EndMarkerFileTransferServer().run(args);
    }

    @Override
    void receive(InputStream in, OutputStream file, long size) throws IOException {
        int matched = 0; // bytes of the current line that match the marker; -1 once the line cannot be it
        for (long i = 0; i < size; i++) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the client left mid-upload");
            }
            if (matched >= 0 && b == MARKER[matched]) {
                if (++matched == MARKER.length) {
                    return; // "the upload is over": the rest is read as the digest line
                }
                continue;
            }
            if (matched > 0) {
                file.write(MARKER, 0, matched);
            }
            file.write(b);
            matched = b == '\n' ? 0 : -1;
        }
        if (matched > 0) {
            file.write(MARKER, 0, matched);
        }
    }
}
