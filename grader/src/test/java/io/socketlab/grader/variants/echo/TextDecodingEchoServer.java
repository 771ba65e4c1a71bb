package io.socketlab.grader.variants.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Mistake: decodes the received bytes as UTF-8 text and re-encodes them, so invalid bytes come
 * back as U+FFFD; must lose ECHO-1.
 */
public final class TextDecodingEchoServer extends EchoServerBase {

    public static void main(String[] args) throws IOException {
        new TextDecodingEchoServer().run(args);
    }

    @Override
    void echo(InputStream in, OutputStream out) throws IOException {
        Reader text = new InputStreamReader(in, StandardCharsets.UTF_8);
        Writer back = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        char[] buf = new char[8192];
        int n;
        while ((n = text.read(buf)) >= 0) {
            back.write(buf, 0, n);
            back.flush();
        }
        back.flush();
    }
}
