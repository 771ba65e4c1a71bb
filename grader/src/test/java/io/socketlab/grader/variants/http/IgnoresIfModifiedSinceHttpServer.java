package io.socketlab.grader.variants.http;

/** Ignores If-Modified-Since and always sends the whole file (HTTP-8). */
public final class IgnoresIfModifiedSinceHttpServer extends HttpServerBase {

    @Override
    boolean honoursIfModifiedSince() {
        return false;
    }

    public static void main(String[] args) throws Exception {
        new IgnoresIfModifiedSinceHttpServer().run(args);
    }
}
