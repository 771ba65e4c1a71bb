package io.socketlab.grader.variants.http;

import io.socketlab.grader.variants.Variants.Variant;
import java.util.List;

/** The http exercise's broken variants and their correct bases, registered in {@code Variants}. */
public final class HttpVariants {

    private HttpVariants() {
    }

    /** Each loses its clause: a classic mistake of a hand-written HTTP server or client. */
    public static final List<Variant> BROKEN = List.of(
            new Variant("http", "server", EncodedTraversalHttpServer.class, "HTTP-14"),
            new Variant("http", "server", HeadBodyHttpServer.class, "HTTP-5"),
            new Variant("http", "server", CharCountHttpServer.class, "HTTP-2"),
            new Variant("http", "server", NoKeepAliveHttpServer.class, "HTTP-9"),
            new Variant("http", "server", SerialHttpServer.class, "HTTP-15"),
            new Variant("http", "server", NoHostCheckHttpServer.class, "HTTP-11"),
            new Variant("http", "server", CrashOnBadRequestLineHttpServer.class, "HTTP-11"),
            new Variant("http", "server", No505HttpServer.class, "HTTP-12"),
            new Variant("http", "server", NoLineLimitHttpServer.class, "HTTP-13"),
            new Variant("http", "server", IgnoresIfModifiedSinceHttpServer.class, "HTTP-8"),
            new Variant("http", "client", RawChunkedHttpClient.class, "HTTP-21"));

    public static final List<Variant> CORRECT = List.of(
            new Variant("http", "server", CorrectHttpServer.class, null),
            new Variant("http", "client", CorrectHttpClient.class, null));
}
