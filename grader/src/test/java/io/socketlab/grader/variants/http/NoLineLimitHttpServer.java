package io.socketlab.grader.variants.http;

/** Accepts request lines of any length (up to 1 MiB) instead of answering 414 (HTTP-13). */
public final class NoLineLimitHttpServer extends HttpServerBase {

    @Override
    int maxRequestLine() {
        return 1 << 20;
    }

    public static void main(String[] args) throws Exception {
        new NoLineLimitHttpServer().run(args);
    }
}
