package io.socketlab.grader.variants.chat;

import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.LineTooLongException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Mistake: the 4096 limit counted in characters ({@code line.length()} of the decoded text) instead of bytes, so a
 * 4097-byte line of two-byte characters is forwarded; must lose CHAT-8.
 */
public final class CharCountLimitChatServer extends ChatServerBase {

    public static void main(String[] args) throws IOException {
        new CharCountLimitChatServer().run(args);
    }

    @Override
    byte[] nextLine(InputStream in) throws IOException {
        byte[] line = VariantSupport.readLine(in, 4 * MAX_LINE_BYTES, false);
        if (line != null && new String(VariantSupport.stripCr(line), StandardCharsets.UTF_8).length() > MAX_LINE_BYTES) {
            throw new LineTooLongException();
        }
        return line;
    }
}
