package io.socketlab.grader.variants.http;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Decodes the whole path, normalises it under the root, and checks it with a string {@code startsWith(root)}: {@code
 * /../root-private/secret.txt} starts with the root's name, and symbolic links are never resolved (HTTP-14).
 */
public final class PrefixCheckHttpServer extends HttpServerBase {

    @Override
    Path resolve(String rawPath) throws IOException {
        try {
            Path file = Path.of(root + percentDecode(rawPath)).normalize();
            if (!file.toString().startsWith(root.toString())) {
                throw new Refusal(403);
            }
            return file;
        } catch (InvalidPathException e) {
            throw new Refusal(404);
        }
    }

    public static void main(String[] args) throws Exception {
        new PrefixCheckHttpServer().run(args);
    }
}
