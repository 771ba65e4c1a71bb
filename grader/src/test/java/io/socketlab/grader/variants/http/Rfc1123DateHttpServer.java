package io.socketlab.grader.variants.http;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes dates with {@code DateTimeFormatter.RFC_1123_DATE_TIME}, whose day has one digit on the 1st to the 9th of a
 * month ({@code 5 Jan}): not IMF-fixdate (HTTP-3).
 */
public final class Rfc1123DateHttpServer extends HttpServerBase {

    @Override
    DateTimeFormatter dates() {
        return DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    }

    public static void main(String[] args) throws Exception {
        new Rfc1123DateHttpServer().run(args);
    }
}
