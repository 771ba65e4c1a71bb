package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;

/**
 * Mistake: parses the size with {@code Integer.parseInt}, which takes {@code +12} and fails on anything above
 * 2^31 - 1: 3000000000 becomes bad-size instead of too-large; must lose FT-7.
 */
public final class IntSizeFileTransferServer extends FileTransferServerBase {

    public static void main(String[] args) throws IOException {
        new IntSizeFileTransferServer().run(args);
    }

    @Override
    long size(String text) throws Refusal {
        try {
            int size = Integer.parseInt(text);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Refusal("bad-size", true);
    }
}
