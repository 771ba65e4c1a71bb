package io.socketlab.grader.variants.sockets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Mistake: decodes each line strictly and lets the decoding exception escape the accept loop,
 * so one invalid UTF-8 line ends the whole server process; must lose SOCK-6.
 */
public final class CrashOnBadUtf8SocketsServer extends SocketsServerBase {

    public static void main(String[] args) throws IOException {
        new CrashOnBadUtf8SocketsServer().run(args);
    }

    @Override
    String reply(byte[] line) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("client sent invalid UTF-8", e); // escapes main
        }
        return super.reply(line);
    }
}
