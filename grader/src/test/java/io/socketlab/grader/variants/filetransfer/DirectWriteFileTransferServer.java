package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Mistake: writes uploads straight to the final name (no temporary file and rename), so a client
 * that disconnects mid-upload leaves a partial file; must lose FT-4.
 */
public final class DirectWriteFileTransferServer extends FileTransferServerBase {

    public static void main(String[] args) throws IOException {
        new DirectWriteFileTransferServer().run(args);
    }

    @Override
    Staging stage(Path target) throws IOException {
        return Staging.direct(target);
    }
}
