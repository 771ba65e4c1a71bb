package io.socketlab.grader.variants.filetransfer;

/** Control: the unbroken base file-transfer client, which should lose no clause. */
public final class CorrectFileTransferClient extends FileTransferClientBase {

    public static void main(String[] args) {
        new CorrectFileTransferClient().run(args);
    }
}
