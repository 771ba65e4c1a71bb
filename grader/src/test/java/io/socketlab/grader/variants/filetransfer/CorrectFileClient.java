package io.socketlab.grader.variants.filetransfer;

/** Control: the unbroken base file-transfer client, which should lose no clause. */
public final class CorrectFileClient extends FileClientBase {

    public static void main(String[] args) {
        new CorrectFileClient().run(args);
    }
}
