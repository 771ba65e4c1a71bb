package io.socketlab.grader.variants.http;

import io.socketlab.grader.variants.Variants.Variant;
import java.util.List;

/** The http exercise's broken variants and their correct bases, registered in {@code Variants}. */
public final class HttpVariants {

    private HttpVariants() {
    }

    /**
     * Each loses its clause: a classic mistake of a hand-written HTTP server or client, in Java, or in Python where it
     * is a Python habit (docs/http-mistakes.md).
     */
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
            new Variant("http", "client", TotalTimeoutHttpClient.class, "HTTP-24"),
            Variant.python("http", "server", "http/newline_join_server.py", "HTTP-1"),
            Variant.python("http", "server", "http/recv_once_server.py", "HTTP-10"),
            Variant.python("http", "server", "http/int_content_length_server.py", "HTTP-11"),
            Variant.python("http", "server", "http/join_path_server.py", "HTTP-14"),
            Variant.python("http", "server", "http/per_recv_timeout_server.py", "HTTP-16"),
            Variant.python("http", "server", "http/no_sigterm_server.py", "HTTP-18"),
            Variant.python("http", "server", "http/bind_traceback_server.py", "HTTP-18"),
            Variant.python("http", "client", "http/print_body_client.py", "HTTP-19"),
            Variant.python("http", "client", "http/recv_once_client.py", "HTTP-21"),
            Variant.python("http", "client", "http/fixed_blocks_client.py", "HTTP-21"),
            Variant.python("http", "client", "http/traceback_on_error_client.py", "HTTP-23"),
            Variant.python("http", "client", "http/total_deadline_client.py", "HTTP-24"));

    public static final List<Variant> CORRECT = List.of(
            new Variant("http", "server", CorrectHttpServer.class, null),
            new Variant("http", "client", CorrectHttpClient.class, null));
}
