package io.socketlab.grader.variants.udpstream;

import java.io.IOException;

/** Mistake: sends the HEADER once, so one lost datagram loses the frame; must lose US-11. */
public final class SingleHeaderStreamSender extends StreamSenderBase {

    public static void main(String[] args) throws IOException {
        new SingleHeaderStreamSender().run(args);
    }

    @Override
    int headerCopies() {
        return 1;
    }
}
