package io.socketlab.grader.variants.http;

/** With --head, waits for the Content-Length bytes a HEAD response announces but never sends (HTTP-22). */
public final class HeadReadsBodyHttpClient extends HttpClientBase {

    @Override
    boolean readsBodyAfterHead() {
        return true;
    }

    public static void main(String[] args) throws Exception {
        new HeadReadsBodyHttpClient().run(args);
    }
}
