package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;

/**
 * Mistake: reads lines of any length (a client that never sends LF fills its memory), so a line of 8193 bytes is
 * answered unknown-command instead of line-too-long and a close; must lose FT-8.
 */
public final class NoLineLimitFileTransferServer extends FileTransferServerBase {

    public static void main(String[] args) throws IOException {
        new NoLineLimitFileTransferServer().run(args);
    }

    @Override
    int maxLineBytes() {
        return Integer.MAX_VALUE - 1;
    }
}
