package io.socketlab.grader.variants.http;

/** Dies when a request line is not three words, as an uncaught index error in the main loop would (HTTP-11). */
public final class CrashOnBadRequestLineHttpServer extends HttpServerBase {

    @Override
    void wrongWordCount(String line) {
        Runtime.getRuntime().halt(1);
    }

    public static void main(String[] args) throws Exception {
        new CrashOnBadRequestLineHttpServer().run(args);
    }
}
