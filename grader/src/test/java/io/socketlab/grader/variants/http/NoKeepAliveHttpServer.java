package io.socketlab.grader.variants.http;

/** Closes the connection after every response, announcing Connection: close (HTTP-9). */
public final class NoKeepAliveHttpServer extends HttpServerBase {

    @Override
    boolean keepsAlive(Request request) {
        return false;
    }

    public static void main(String[] args) throws Exception {
        new NoKeepAliveHttpServer().run(args);
    }
}
