package io.socketlab.grader.variants.http;

/**
 * Reads Content-Length with {@code Long.parseLong}, which accepts {@code +5} and {@code -1}: it then waits for a
 * body that never comes, or reads none (HTTP-11).
 */
public final class ParseLongLengthHttpServer extends HttpServerBase {

    @Override
    long contentLength(String value) throws Refusal {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new Refusal(400);
        }
    }

    public static void main(String[] args) throws Exception {
        new ParseLongLengthHttpServer().run(args);
    }
}
