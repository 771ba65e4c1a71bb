package io.socketlab.grader.variants.udpstream;

import java.io.IOException;
import java.util.Map;

/**
 * Mistake: assembles one frame at a time; a datagram of another frame number throws the current one away, so frames
 * whose datagrams are interleaved are lost; must lose US-9.
 */
public final class SingleFrameStreamReceiver extends StreamReceiverBase {

    public static void main(String[] args) throws IOException {
        new SingleFrameStreamReceiver().run(args);
    }

    @Override
    void beforeNewFrame(Map<Long, Frame> frames) {
        frames.clear();
    }
}
