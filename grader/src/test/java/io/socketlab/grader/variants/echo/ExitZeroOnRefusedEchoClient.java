package io.socketlab.grader.variants.echo;

import java.io.IOException;

/** Mistake: on connection refused prints nothing and exits 0; must lose ECHO-10. */
public final class ExitZeroOnRefusedEchoClient extends EchoClientBase {

    public static void main(String[] args) throws IOException {
        new ExitZeroOnRefusedEchoClient().run(args);
    }

    @Override
    void onConnectionRefused(String host, int port) {
        System.exit(0);
    }
}
