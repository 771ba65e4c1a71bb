package io.socketlab.grader.variants.chat;

import io.socketlab.grader.variants.VariantSupport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Mistake: one thread that reads a stdin line, sends it, then prints only what has already arrived,
 * so a line the server pushes while stdin is idle appears only once the user types; must lose CHAT-12.
 */
public final class WaitsForStdinChatClient extends ChatClientBase {

    public static void main(String[] args) {
        new WaitsForStdinChatClient().run(args);
    }

    @Override
    void converse() throws IOException {
        InputStream stdin = new BufferedInputStream(System.in);
        byte[] raw;
        while (!quitSent && (raw = VariantSupport.readLine(stdin, Long.MAX_VALUE, true)) != null) {
            type(new String(VariantSupport.stripCr(raw), StandardCharsets.UTF_8));
            while (in.available() > 0) { // whatever arrived while we were blocked on stdin
                String line = readServerLine();
                if (line == null) {
                    break;
                }
                print(format(line));
            }
        }
        if (!quitSent) {
            atStdinEof();
        }
        printUntilClose();
    }
}
