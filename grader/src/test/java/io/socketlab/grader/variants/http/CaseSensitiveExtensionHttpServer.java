package io.socketlab.grader.variants.http;

/** Looks extensions up as written: {@code LOGO.PNG} is not a PNG (HTTP-4). */
public final class CaseSensitiveExtensionHttpServer extends HttpServerBase {

    @Override
    String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    public static void main(String[] args) throws Exception {
        new CaseSensitiveExtensionHttpServer().run(args);
    }
}
