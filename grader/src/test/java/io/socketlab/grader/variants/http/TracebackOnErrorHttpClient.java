package io.socketlab.grader.variants.http;

/**
 * Throws on a 4xx/5xx status: exit code 1 as the contract wants, but only because the JVM died, with a stack trace
 * on stderr (HTTP-23).
 */
public final class TracebackOnErrorHttpClient extends HttpClientBase {

    @Override
    void onErrorStatus(String statusLine) {
        throw new IllegalStateException("the server answered " + statusLine);
    }

    public static void main(String[] args) throws Exception {
        new TracebackOnErrorHttpClient().run(args);
    }
}
