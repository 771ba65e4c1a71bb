package io.socketlab.grader.variants.http;

/**
 * Looks for {@code Content-Length:} and {@code Transfer-Encoding:} spelled exactly so: a server's {@code content-
 * length} is missed (HTTP-21).
 */
public final class CaseSensitiveFieldsHttpClient extends HttpClientBase {

    @Override
    boolean fieldNamesIgnoreCase() {
        return false;
    }

    public static void main(String[] args) throws Exception {
        new CaseSensitiveFieldsHttpClient().run(args);
    }
}
