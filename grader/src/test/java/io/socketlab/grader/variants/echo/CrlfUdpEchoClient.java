package io.socketlab.grader.variants.echo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Mistake: prints each UDP echo followed by CR LF instead of LF alone; must lose ECHO-9. */
public final class CrlfUdpEchoClient extends EchoClientBase {

    public static void main(String[] args) throws IOException {
        new CrlfUdpEchoClient().run(args);
    }

    @Override
    void printEcho(byte[] payload) {
        System.out.write(payload, 0, payload.length);
        System.out.write("\r\n".getBytes(StandardCharsets.US_ASCII), 0, 2);
        System.out.flush();
    }
}
