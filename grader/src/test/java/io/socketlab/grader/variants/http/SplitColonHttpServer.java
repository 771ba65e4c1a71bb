package io.socketlab.grader.variants.http;

/**
 * Parses a field line with {@code split(":")} and {@code strip()}: {@code Host : x}, names that are not tokens and
 * lines without a name are all accepted (HTTP-11).
 */
public final class SplitColonHttpServer extends HttpServerBase {

    @Override
    String[] field(String line) throws Refusal {
        String[] parts = line.split(":", 2);
        if (parts.length < 2) {
            throw new Refusal(400);
        }
        return new String[] {parts[0].strip(), parts[1].strip()};
    }

    public static void main(String[] args) throws Exception {
        new SplitColonHttpServer().run(args);
    }
}
