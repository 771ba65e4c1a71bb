package io.socketlab.grader.variants.http;

/** Prints the body and exits 0 whatever the server answered (HTTP-23). */
public final class ExitZeroOnErrorHttpClient extends HttpClientBase {

    @Override
    void onErrorStatus(String statusLine) {
        System.exit(0);
    }

    public static void main(String[] args) throws Exception {
        new ExitZeroOnErrorHttpClient().run(args);
    }
}
