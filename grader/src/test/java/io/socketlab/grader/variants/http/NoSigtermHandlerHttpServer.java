package io.socketlab.grader.variants.http;

/** Leaves SIGTERM to the JVM's default, which exits with code 143 (HTTP-18). */
public final class NoSigtermHandlerHttpServer extends HttpServerBase {

    @Override
    boolean exitsZeroOnSigterm() {
        return false;
    }

    public static void main(String[] args) throws Exception {
        new NoSigtermHandlerHttpServer().run(args);
    }
}
