package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;

/**
 * Mistake: never compares the client's digest line, always storing the upload and answering
 * {@code OK <computed sha256>}; must lose FT-5.
 */
public final class NoDigestCheckFileTransferServer extends FileTransferServerBase {

    public static void main(String[] args) throws IOException {
        new NoDigestCheckFileTransferServer().run(args);
    }

    @Override
    boolean digestMatches(String sent, String computed) {
        return true;
    }
}
