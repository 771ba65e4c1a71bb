package io.socketlab.grader.variants.http;

/** Answers a POST with 405 without reading its body: the body's bytes are then read as the next request (HTTP-7). */
public final class IgnoresBodyHttpServer extends HttpServerBase {

    @Override
    long bodyToDiscard(Request request) {
        return 0;
    }

    public static void main(String[] args) throws Exception {
        new IgnoresBodyHttpServer().run(args);
    }
}
