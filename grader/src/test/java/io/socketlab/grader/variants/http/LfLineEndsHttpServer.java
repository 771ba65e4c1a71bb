package io.socketlab.grader.variants.http;

/**
 * Ends the lines of its response heads with LF alone, as {@code "\n".join(lines)} does: browsers forgive it, the
 * contract does not (HTTP-1).
 */
public final class LfLineEndsHttpServer extends HttpServerBase {

    @Override
    String lineEnd() {
        return "\n";
    }

    public static void main(String[] args) throws Exception {
        new LfLineEndsHttpServer().run(args);
    }
}
