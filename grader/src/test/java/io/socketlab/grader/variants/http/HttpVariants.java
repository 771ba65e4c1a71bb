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
            new Variant("http", "server", LfLineEndsHttpServer.class, "HTTP-1"),
            new Variant("http", "server", Rfc1123DateHttpServer.class, "HTTP-3"),
            new Variant("http", "server", CaseSensitiveExtensionHttpServer.class, "HTTP-4"),
            new Variant("http", "server", NoRedirectHttpServer.class, "HTTP-6"),
            new Variant("http", "server", IgnoresBodyHttpServer.class, "HTTP-7"),
            new Variant("http", "server", MillisecondDatesHttpServer.class, "HTTP-8"),
            new Variant("http", "server", CaseSensitiveConnectionHttpServer.class, "HTTP-9"),
            new Variant("http", "server", NewReaderPerRequestHttpServer.class, "HTTP-10"),
            new Variant("http", "server", SplitColonHttpServer.class, "HTTP-11"),
            new Variant("http", "server", ParseLongLengthHttpServer.class, "HTTP-11"),
            new Variant("http", "server", PrefixCheckHttpServer.class, "HTTP-14"),
            new Variant("http", "server", SmallPoolHttpServer.class, "HTTP-15"),
            new Variant("http", "server", PerReadTimeoutHttpServer.class, "HTTP-16"),
            new Variant("http", "server", CharCountErrorPageHttpServer.class, "HTTP-17"),
            new Variant("http", "server", NoSigtermHandlerHttpServer.class, "HTTP-18"),
            new Variant("http", "client", RawChunkedHttpClient.class, "HTTP-21"),
            new Variant("http", "client", PrintlnBodyHttpClient.class, "HTTP-19"),
            new Variant("http", "client", LfRequestHttpClient.class, "HTTP-20"),
            new Variant("http", "client", OneReadHttpClient.class, "HTTP-21"),
            new Variant("http", "client", ShortReadEndsBodyHttpClient.class, "HTTP-21"),
            new Variant("http", "client", CaseSensitiveFieldsHttpClient.class, "HTTP-21"),
            new Variant("http", "client", HeadReadsBodyHttpClient.class, "HTTP-22"),
            new Variant("http", "client", ExitZeroOnErrorHttpClient.class, "HTTP-23"),
            new Variant("http", "client", TracebackOnErrorHttpClient.class, "HTTP-23"),
            new Variant("http", "client", TotalTimeoutHttpClient.class, "HTTP-24"));

    public static final List<Variant> CORRECT = List.of(
            new Variant("http", "server", CorrectHttpServer.class, null),
            new Variant("http", "client", CorrectHttpClient.class, null));
}
