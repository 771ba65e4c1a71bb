package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/** The correct sender the broken ones derive from; must lose nothing. */
public final class CorrectStreamSender extends StreamSenderBase {

    public static void main(String[] args) throws IOException {
        new CorrectStreamSender().run(args);
    }
}
