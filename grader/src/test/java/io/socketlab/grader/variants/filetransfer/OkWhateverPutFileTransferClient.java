package io.socketlab.grader.variants.filetransfer;

import io.socketlab.grader.variants.VariantSupport;
import java.nio.charset.StandardCharsets;

/** Mistake: {@code put} prints OK and its own digest whatever the server answered, ERR included; must lose FT-10. */
public final class OkWhateverPutFileTransferClient extends FileTransferClientBase {

    public static void main(String[] args) {
        new OkWhateverPutFileTransferClient().run(args);
    }

    @Override
    void reportPut(String reply, String sent) {
        VariantSupport.printLine(("OK " + sent).getBytes(StandardCharsets.US_ASCII));
    }
}
