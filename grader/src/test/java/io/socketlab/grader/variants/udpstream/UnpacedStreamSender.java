package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/** Mistake: ignores --rows-per-second and sends every row at once; must lose US-12. */
public final class UnpacedStreamSender extends StreamSenderBase {

    public static void main(String[] args) throws IOException {
        new UnpacedStreamSender().run(args);
    }

    @Override
    boolean paces() {
        return false;
    }
}
