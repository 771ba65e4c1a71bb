package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Mistake: {@code get} writes OUT directly instead of through a temporary file, so a transfer cut
 * short leaves a partial OUT (although it exits 1); must lose FT-11.
 */
public final class NonAtomicGetFileTransferClient extends FileTransferClientBase {

    public static void main(String[] args) {
        new NonAtomicGetFileTransferClient().run(args);
    }

    @Override
    Staging stage(Path target) throws IOException {
        return Staging.direct(target);
    }
}
