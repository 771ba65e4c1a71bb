package io.socketlab.grader.variants.http;

/** The correct HTTP client every client variant derives from: it must lose nothing. */
public final class CorrectHttpClient extends HttpClientBase {

    public static void main(String[] args) {
        new CorrectHttpClient().run(args);
    }
}
