package io.socketlab.grader.variants.http;

/** Serves any well-formed version (HTTP/2.0, HTTP/1.2) as HTTP/1.1 instead of answering 505 (HTTP-12). */
public final class No505HttpServer extends HttpServerBase {

    @Override
    boolean refusesOtherVersions() {
        return false;
    }

    public static void main(String[] args) throws Exception {
        new No505HttpServer().run(args);
    }
}
