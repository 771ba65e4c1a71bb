package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Mistake: {@code get} reads blocks of 1024 bytes until one comes back short, ignoring the announced size: a pause
 * in the transfer cuts the file, a size that is a multiple of 1024 (or 0) waits for a block that never comes; must
 * lose FT-11.
 */
public final class BlockReaderGetFileTransferClient extends FileTransferClientBase {

    public static void main(String[] args) {
        new BlockReaderGetFileTransferClient().run(args);
    }

    @Override
    void download(OutputStream file, long size) throws IOException {
        byte[] block = new byte[1024];
        int n;
        do {
            n = in.read(block);
            if (n > 0) {
                file.write(block, 0, n);
            }
        } while (n == block.length);
    }
}
