package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Mistake: writes the chunks straight into DIR/name, so a reader sees a partial file under its final name before the
 * digest is checked; must lose UT-10.
 */
public final class FinalNameUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new FinalNameUdpServer().run(args);
    }

    @Override
    Path stagingFile(String name) {
        return dir.resolve(name);
    }
}
