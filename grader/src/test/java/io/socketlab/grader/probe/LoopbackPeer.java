package io.socketlab.grader.probe;

import static io.socketlab.grader.probe.Bytes.utf8;

import io.socketlab.grader.model.Timeouts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A probe connected over loopback to a peer the test plays itself with a plain socket. */
abstract class LoopbackPeer {

    final Transcript transcript = new Transcript();
    ServerSocket listener;
    TcpProbe probe;
    Socket peer;

    @BeforeEach
    void connect() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        // The connection completes in the backlog, so it can be accepted after connect returns.
        probe = TcpProbe.connect("127.0.0.1", listener.getLocalPort(), transcript, Timeouts.DEFAULT);
        peer = listener.accept();
    }

    @AfterEach
    void close() throws IOException {
        probe.close();
        peer.close();
        listener.close();
    }

    void peerSends(String text) throws IOException {
        OutputStream out = peer.getOutputStream();
        out.write(utf8(text));
        out.flush();
    }
}
