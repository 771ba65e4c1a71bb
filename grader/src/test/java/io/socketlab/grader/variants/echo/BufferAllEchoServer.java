package io.socketlab.grader.variants.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Mistake: reads the whole TCP input into memory and echoes nothing until the client half-closes;
 * must lose ECHO-4.
 */
public final class BufferAllEchoServer extends EchoServerBase {

    public static void main(String[] args) throws IOException {
        new BufferAllEchoServer().run(args);
    }

    @Override
    void echo(InputStream in, OutputStream out) throws IOException {
        out.write(in.readAllBytes());
    }
}
