package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;

/**
 * Mistake: after the listing it reads on until the server closes, which a server waiting for the next command never
 * does: the client hangs until its timeout and exits 2; must lose FT-12.
 */
public final class ListUntilCloseFileTransferClient extends FileTransferClientBase {

    public static void main(String[] args) {
        new ListUntilCloseFileTransferClient().run(args);
    }

    @Override
    void afterList() throws IOException {
        while (in.read() >= 0) {
            // "the rest of the answer"
        }
    }
}
