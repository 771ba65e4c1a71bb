package io.socketlab.grader.variants.echo;

import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;

/**
 * Correct echo server (TCP thread per connection, UDP on the same port number); each broken
 * variant overrides exactly one of the package-private hooks below.
 */
abstract class EchoServerBase {

    final void run(String[] argv) throws IOException {
        Args args = VariantSupport.parse(argv, Set.of("--port", "--host"), Set.of());
        if (!args.positional().isEmpty()) {
            VariantSupport.die(2, "usage error: unexpected argument " + args.positional().get(0));
        }
        int port = args.port();
        String host = args.get("--host", null);
        VariantSupport.exitZeroOnSigterm();
        ServerSocket server = VariantSupport.listen(host, port);
        if (servesUdp()) {
            int udpPort = server.getLocalPort();
            DatagramSocket udp = new DatagramSocket(
                    host == null ? new InetSocketAddress(udpPort) : new InetSocketAddress(host, udpPort));
            new Thread(() -> serveUdp(udp), "udp-echo").start();
        }
        while (true) {
            Socket socket = server.accept();
            dispatch(() -> serveTcp(socket));
        }
    }

    private void serveTcp(Socket socket) {
        try {
            echo(socket.getInputStream(), socket.getOutputStream());
            afterClientHalfClose(socket);
        } catch (IOException e) {
            VariantSupport.closeQuietly(socket); // reset or broken pipe: only this client is affected
        }
    }

    private void serveUdp(DatagramSocket udp) {
        byte[] buf = new byte[udpBufferBytes()];
        while (true) {
            try {
                DatagramPacket packet = new DatagramPacket(buf, buf.length);
                udp.receive(packet);
                udp.send(new DatagramPacket(buf, packet.getLength(), packet.getSocketAddress()));
            } catch (IOException e) {
                System.err.println("udp: " + e);
            }
        }
    }

    /** Hook: how a TCP connection is run. Correct: a thread per connection. */
    void dispatch(Runnable connection) {
        new Thread(connection, "tcp-echo").start();
    }

    /** Hook: the TCP echo loop until the client half-closes. Correct: bytes back as they come. */
    void echo(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
        }
    }

    /** Hook: after the client's half-close (everything is already sent). Correct: close. */
    void afterClientHalfClose(Socket socket) throws IOException {
        socket.close();
    }

    /** Hook: whether UDP is served. Correct: yes. */
    boolean servesUdp() {
        return true;
    }

    /** Hook: the UDP receive buffer. Correct: room for the largest datagram (65507 bytes). */
    int udpBufferBytes() {
        return 65536;
    }
}
