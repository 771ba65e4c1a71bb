package io.socketlab.grader.variants.http;

/** Serves one connection to its end before accepting the next (HTTP-15). */
public final class SerialHttpServer extends HttpServerBase {

    @Override
    void dispatch(Runnable session) {
        session.run();
    }

    public static void main(String[] args) throws Exception {
        new SerialHttpServer().run(args);
    }
}
