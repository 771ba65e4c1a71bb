package io.socketlab.grader.variants.http;

/**
 * Gives the whole exchange 10 s instead of each read: a slow server that sends a byte every few seconds is cut off
 * (HTTP-24).
 */
public final class TotalTimeoutHttpClient extends HttpClientBase {

    @Override
    boolean totalTimeout() {
        return true;
    }

    public static void main(String[] args) throws Exception {
        new TotalTimeoutHttpClient().run(args);
    }
}
