package io.socketlab.grader.variants.http;

/**
 * Serves a directory's index.html when its name lacks the trailing slash, instead of redirecting to it: the page's
 * relative links then resolve in the parent (HTTP-6).
 */
public final class NoRedirectHttpServer extends HttpServerBase {

    @Override
    boolean redirectsDirectories() {
        return false;
    }

    public static void main(String[] args) throws Exception {
        new NoRedirectHttpServer().run(args);
    }
}
