package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Mistake: accepts any name ({@code ../x}, {@code .hidden}, 256 characters) instead of answering
 * {@code ERR bad-name} (separators are flattened so that nothing escapes DIR); must lose FT-6.
 */
public final class UnsanitisedNameFileTransferServer extends FileTransferServerBase {

    public static void main(String[] args) throws IOException {
        new UnsanitisedNameFileTransferServer().run(args);
    }

    @Override
    Path resolve(String name) {
        String flat = name.replace('/', '_').replace('\\', '_').replace('\0', '_');
        return dir.resolve(flat.isEmpty() || flat.equals(".") || flat.equals("..") ? "_" + flat : flat);
    }
}
