package io.socketlab.grader.variants.filetransfer;

/**
 * Mistake: {@code get} never compares the received bytes' SHA-256 with the announced one, so it
 * writes corrupted bytes to OUT and exits 0; must lose FT-11.
 */
public final class NoVerifyFileTransferClient extends FileTransferClientBase {

    public static void main(String[] args) {
        new NoVerifyFileTransferClient().run(args);
    }

    @Override
    boolean verified(String announced, String computed) {
        return true;
    }
}
