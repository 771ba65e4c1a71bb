package io.socketlab.grader.variants.sockets;

import io.socketlab.grader.variants.VariantSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Mistake: decodes each read on its own and counts the line re-encoded, so a character whose bytes arrive in two
 * reads becomes two replacement characters and the count is wrong; must lose SOCK-3.
 */
public final class ChunkDecodingSocketsServer extends SocketsServerBase {

    public static void main(String[] args) throws IOException {
        new ChunkDecodingSocketsServer().run(args);
    }

    @Override
    LineSource lineSource(InputStream raw) {
        StringBuilder pending = new StringBuilder();
        byte[] chunk = new byte[4096];
        return () -> {
            int lf;
            while ((lf = pending.indexOf("\n")) < 0) {
                int n = raw.read(chunk);
                if (n < 0) {
                    return null;
                }
                pending.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
            }
            String line = pending.substring(0, lf);
            pending.delete(0, lf + 1);
            return VariantSupport.stripCr(line.getBytes(StandardCharsets.UTF_8));
        };
    }
}
