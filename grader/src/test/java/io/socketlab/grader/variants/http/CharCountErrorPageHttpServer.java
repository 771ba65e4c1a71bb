package io.socketlab.grader.variants.http;

/**
 * Announces its error pages' length in characters: the page's dash is 3 bytes, and the rest of the page is read as
 * the next response (HTTP-17).
 */
public final class CharCountErrorPageHttpServer extends HttpServerBase {

    @Override
    String html(int status) {
        return "<!DOCTYPE html>\n<html><body><h1>" + status + " " + REASONS.get(status)
                + " \u2014 socketlab</h1></body></html>\n";
    }

    @Override
    long errorPageLength(String page) {
        return page.length();
    }

    public static void main(String[] args) throws Exception {
        new CharCountErrorPageHttpServer().run(args);
    }
}
