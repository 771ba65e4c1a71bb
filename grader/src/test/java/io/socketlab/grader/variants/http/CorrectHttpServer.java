package io.socketlab.grader.variants.http;

/** The correct HTTP server every server variant derives from: it must lose nothing. */
public final class CorrectHttpServer extends HttpServerBase {

    public static void main(String[] args) throws Exception {
        new CorrectHttpServer().run(args);
    }
}
