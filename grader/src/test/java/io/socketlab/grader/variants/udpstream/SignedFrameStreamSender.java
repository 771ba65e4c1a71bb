package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/** Mistake: parses --frame as a signed int, refusing frame numbers of 2^31 and above; must lose US-11. */
public final class SignedFrameStreamSender extends StreamSenderBase {

    public static void main(String[] args) throws IOException {
        new SignedFrameStreamSender().run(args);
    }

    @Override
    long parseFrame(String value) {
        return Integer.parseInt(value);
    }
}
