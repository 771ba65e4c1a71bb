package io.socketlab.grader.variants.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * Wraps the socket in a new buffered reader for each request: pipelined requests that the previous reader had
 * already buffered are lost (HTTP-10).
 */
public final class NewReaderPerRequestHttpServer extends HttpServerBase {

    @Override
    InputStream requestInput(Socket socket, InputStream connectionInput) throws IOException {
        return new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    public static void main(String[] args) throws Exception {
        new NewReaderPerRequestHttpServer().run(args);
    }
}
