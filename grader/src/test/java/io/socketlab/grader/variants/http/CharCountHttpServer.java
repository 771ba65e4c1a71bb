package io.socketlab.grader.variants.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads text files as strings and declares their length in characters, not bytes (HTTP-2). */
public final class CharCountHttpServer extends HttpServerBase {

    @Override
    long declaredLength(Path file, long size) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".txt") || name.endsWith(".html")) {
            return Files.readString(file, StandardCharsets.UTF_8).length();
        }
        return size;
    }

    public static void main(String[] args) throws Exception {
        new CharCountHttpServer().run(args);
    }
}
