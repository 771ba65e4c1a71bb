package io.socketlab.grader.variants.http;

/** Accepts HTTP/1.1 requests without Host or with two (HTTP-11). */
public final class NoHostCheckHttpServer extends HttpServerBase {

    @Override
    boolean checksHost() {
        return false;
    }

    public static void main(String[] args) throws Exception {
        new NoHostCheckHttpServer().run(args);
    }
}
