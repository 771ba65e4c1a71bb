package io.socketlab.grader.variants.http;

import java.time.Instant;

/**
 * Compares the file's time in milliseconds with If-Modified-Since's whole seconds: a file modified at 10:30:00.7 is
 * then always newer than its own Last-Modified (HTTP-8).
 */
public final class MillisecondDatesHttpServer extends HttpServerBase {

    @Override
    boolean modifiedSince(Instant fileTime, Instant since) {
        return fileTime.isAfter(since);
    }

    public static void main(String[] args) throws Exception {
        new MillisecondDatesHttpServer().run(args);
    }
}
