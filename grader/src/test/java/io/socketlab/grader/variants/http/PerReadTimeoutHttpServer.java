package io.socketlab.grader.variants.http;

/**
 * Gives each read of a request head 10 s, instead of 10 s to the whole head: one byte a second keeps a connection
 * forever (HTTP-16).
 */
public final class PerReadTimeoutHttpServer extends HttpServerBase {

    @Override
    int readTimeout(long deadline) {
        return 10_000;
    }

    public static void main(String[] args) throws Exception {
        new PerReadTimeoutHttpServer().run(args);
    }
}
