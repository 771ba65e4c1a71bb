package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;
import java.net.DatagramSocket;

/**
 * Mistake: connects its UDP socket to the server and lets the PortUnreachableException of a server that went away
 * (an ICMP "port unreachable") end it with a stack trace, instead of treating it as silence; must lose UT-16.
 */
public final class ConnectedUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new ConnectedUdpClient().run(args);
    }

    @Override
    DatagramSocket openSocket() throws IOException {
        DatagramSocket socket = new DatagramSocket();
        socket.connect(server);
        return socket;
    }
}
