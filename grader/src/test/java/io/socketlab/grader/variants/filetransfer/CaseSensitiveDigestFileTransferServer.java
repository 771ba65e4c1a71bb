package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;

/** Mistake: compares the digest line case-sensitively, so an upper-case digest is a mismatch; must lose FT-5. */
public final class CaseSensitiveDigestFileTransferServer extends FileTransferServerBase {

    public static void main(String[] args) throws IOException {
        new CaseSensitiveDigestFileTransferServer().run(args);
    }

    @Override
    boolean digestMatches(String sent, String computed) {
        return sent.equals(computed);
    }
}
