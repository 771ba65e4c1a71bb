package io.socketlab.grader.variants.http;

/**
 * Compares the value of Connection as a whole and case-sensitively: {@code Close} or {@code TE, close} keep the
 * connection open (HTTP-9).
 */
public final class CaseSensitiveConnectionHttpServer extends HttpServerBase {

    @Override
    boolean keepsAlive(Request request) {
        return request.version().equals("HTTP/1.1") ? !request.field("Connection").contains("close")
                : request.field("Connection").contains("keep-alive");
    }

    public static void main(String[] args) throws Exception {
        new CaseSensitiveConnectionHttpServer().run(args);
    }
}
