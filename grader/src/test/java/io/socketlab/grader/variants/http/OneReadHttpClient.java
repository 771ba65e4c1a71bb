package io.socketlab.grader.variants.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Takes one read of the socket for the whole response: whatever had not arrived yet is taken for the end (HTTP-21). */
public final class OneReadHttpClient extends HttpClientBase {

    @Override
    InputStream responseInput(InputStream socketInput) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int n = socketInput.read(buffer);
        return new ByteArrayInputStream(buffer, 0, Math.max(n, 0));
    }

    public static void main(String[] args) throws Exception {
        new OneReadHttpClient().run(args);
    }
}
