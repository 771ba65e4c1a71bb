package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;
import java.net.SocketAddress;

/** Mistake: keys transfers by tid alone, so two clients with the same tid collide; must lose UT-8. */
public final class TidOnlyUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new TidOnlyUdpServer().run(args);
    }

    @Override
    Key key(SocketAddress client, int tid) {
        return new Key(null, tid);
    }
}
