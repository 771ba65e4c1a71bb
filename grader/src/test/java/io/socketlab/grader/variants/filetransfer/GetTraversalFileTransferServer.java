package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Mistake: checks names on PUT only, and resolves a GET's name as it comes, so {@code GET ../secret.txt} sends a
 * file from outside DIR; must lose FT-6.
 */
public final class GetTraversalFileTransferServer extends FileTransferServerBase {

    public static void main(String[] args) throws IOException {
        new GetTraversalFileTransferServer().run(args);
    }

    @Override
    Path readable(String name) {
        return dir.resolve(name);
    }
}
