package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;
import java.util.Map;

/**
 * Mistake: keeps one transfer at a time (the state of the last START), so a second client's START makes the server
 * forget the first transfer; must lose UT-8.
 */
public final class SingleSlotUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new SingleSlotUdpServer().run(args);
    }

    @Override
    void beforeNewTransfer(Map<Key, Transfer> transfers) {
        transfers.clear();
    }
}
