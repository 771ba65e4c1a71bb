package io.socketlab.grader.variants.http;

/** Sends the body after HEAD's head too, derailing the next response on the connection (HTTP-5). */
public final class HeadBodyHttpServer extends HttpServerBase {

    @Override
    boolean sendsBodyForHead() {
        return true;
    }

    public static void main(String[] args) throws Exception {
        new HeadBodyHttpServer().run(args);
    }
}
