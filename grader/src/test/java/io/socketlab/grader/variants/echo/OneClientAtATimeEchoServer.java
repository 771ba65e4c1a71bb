package io.socketlab.grader.variants.echo;

import java.io.IOException;

/** Mistake: serves TCP connections one after another in the accept thread; must lose ECHO-3. */
public final class OneClientAtATimeEchoServer extends EchoServerBase {

    public static void main(String[] args) throws IOException {
        new OneClientAtATimeEchoServer().run(args);
    }

    @Override
    void dispatch(Runnable connection) {
        connection.run();
    }
}
