package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Mistake: on a digest mismatch or a disconnect it leaves the hidden temporary file behind in DIR;
 * must lose FT-4.
 */
public final class LeavesTempFilesFileTransferServer extends FileTransferServerBase {

    public static void main(String[] args) throws IOException {
        new LeavesTempFilesFileTransferServer().run(args);
    }

    @Override
    void removeTemporary(Path temp) {
        // forgotten: the .part file stays in DIR
    }
}
