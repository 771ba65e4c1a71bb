package io.socketlab.grader.variants.udptransfer;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Mistake: draws a fresh tid each time it sends START again, so a server that got the first START sees a second,
 * unrelated transfer; must lose UT-14.
 */
public final class NewTidPerStartUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new NewTidPerStartUdpClient().run(args);
    }

    @Override
    byte[] again(byte[] request) {
        if (request[0] != 1) {
            return request;
        }
        tid = ThreadLocalRandom.current().nextInt();
        byte[] copy = request.clone();
        ByteBuffer.wrap(copy).putInt(1, tid);
        return copy;
    }
}
