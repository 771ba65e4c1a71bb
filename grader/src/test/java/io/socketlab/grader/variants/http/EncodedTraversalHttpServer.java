package io.socketlab.grader.variants.http;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Looks for {@code ..} before percent-decoding and never checks the decoded path: {@code /%2e%2e/secret} escapes the
 * root (HTTP-14).
 */
public final class EncodedTraversalHttpServer extends HttpServerBase {

    @Override
    Path resolve(String rawPath) throws IOException {
        for (String segment : rawPath.split("/")) {
            if (segment.equals("..")) {
                throw new Refusal(403);
            }
        }
        String path = percentDecode(rawPath);
        return root.resolve(path.isEmpty() ? "" : path.substring(1));
    }

    public static void main(String[] args) throws Exception {
        new EncodedTraversalHttpServer().run(args);
    }
}
