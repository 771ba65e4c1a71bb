package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;

/** Control: the unbroken base file-transfer server, which should lose no clause. */
public final class CorrectFileTransferServer extends FileTransferServerBase {

    public static void main(String[] args) throws IOException {
        new CorrectFileTransferServer().run(args);
    }
}
