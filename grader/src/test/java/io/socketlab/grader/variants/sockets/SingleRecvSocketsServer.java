package io.socketlab.grader.variants.sockets;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Mistake: treats whatever one {@code read(buf[1024])} returns as one line, so split segments,
 * coalesced lines and lines over 1024 bytes are misframed; must lose SOCK-3 (and SOCK-4).
 */
public final class SingleRecvSocketsServer extends SocketsServerBase {

    public static void main(String[] args) throws IOException {
        new SingleRecvSocketsServer().run(args);
    }

    @Override
    LineSource lineSource(InputStream raw) {
        byte[] buf = new byte[1024];
        return () -> {
            int n = raw.read(buf); // the classic conn.recv(1024).strip()
            if (n < 0) {
                return null;
            }
            int end = n;
            if (end > 0 && buf[end - 1] == '\n') {
                end--;
            }
            if (end > 0 && buf[end - 1] == '\r') {
                end--;
            }
            return Arrays.copyOf(buf, end);
        };
    }
}
