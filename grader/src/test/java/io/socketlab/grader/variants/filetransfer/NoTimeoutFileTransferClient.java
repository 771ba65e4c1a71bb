package io.socketlab.grader.variants.filetransfer;

/** Mistake: sets no socket timeout, so a server that never replies leaves the client waiting forever; must lose FT-13. */
public final class NoTimeoutFileTransferClient extends FileTransferClientBase {

    public static void main(String[] args) {
        new NoTimeoutFileTransferClient().run(args);
    }

    @Override
    int answerTimeoutMillis() {
        return 0;
    }
}
