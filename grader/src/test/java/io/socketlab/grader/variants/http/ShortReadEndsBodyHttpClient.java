package io.socketlab.grader.variants.http;

/** Reads the body in blocks of 1024 bytes until a shorter one arrives, ignoring the announced size (HTTP-21). */
public final class ShortReadEndsBodyHttpClient extends HttpClientBase {

    @Override
    boolean stopsAtShortRead() {
        return true;
    }

    public static void main(String[] args) throws Exception {
        new ShortReadEndsBodyHttpClient().run(args);
    }
}
