package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;
import java.net.Socket;

/**
 * Mistake: serves each connection in the accept loop, one after another (no threads), so a second client waits until
 * the first has closed; must lose FT-8.
 */
public final class OneClientAtATimeFileTransferServer extends FileTransferServerBase {

    public static void main(String[] args) throws IOException {
        new OneClientAtATimeFileTransferServer().run(args);
    }

    @Override
    void handle(Socket socket) {
        serve(socket);
    }
}
