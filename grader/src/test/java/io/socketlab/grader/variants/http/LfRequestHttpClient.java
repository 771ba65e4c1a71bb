package io.socketlab.grader.variants.http;

/** Ends the lines of its request with LF alone (HTTP-20). */
public final class LfRequestHttpClient extends HttpClientBase {

    @Override
    String lineEnd() {
        return "\n";
    }

    public static void main(String[] args) throws Exception {
        new LfRequestHttpClient().run(args);
    }
}
