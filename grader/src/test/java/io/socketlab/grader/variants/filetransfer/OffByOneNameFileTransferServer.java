package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Mistake: allows names of at most 254 characters ({@code {0,253}}), so a valid 255-character name is refused; must lose FT-6. */
public final class OffByOneNameFileTransferServer extends FileTransferServerBase {

    private static final Pattern SHORT_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,253}");

    public static void main(String[] args) throws IOException {
        new OffByOneNameFileTransferServer().run(args);
    }

    @Override
    Path resolve(String name) {
        return SHORT_NAME.matcher(name).matches() ? dir.resolve(name) : null;
    }
}
