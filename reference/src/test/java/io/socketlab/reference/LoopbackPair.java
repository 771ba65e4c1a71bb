package io.socketlab.reference;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Two connected TCP sockets on the loopback interface, in this JVM: a session class gets the server end, the test
 * plays the client on the other, and no server, port number or process is involved.
 */
public final class LoopbackPair implements AutoCloseable {

    /** The end the test plays the client with. */
    public final Socket client;
    /** The end handed to the class under test. */
    public final Socket server;

    private LoopbackPair(Socket client, Socket server) {
        this.client = client;
        this.server = server;
    }

    public static LoopbackPair open() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
            try {
                client.setSoTimeout(10_000); // a test waiting for an answer that never comes fails, never hangs
                return new LoopbackPair(client, listener.accept());
            } catch (IOException e) {
                client.close();
                throw e;
            }
        }
    }

    /** Sends {@code text} (UTF-8) from the client end. */
    public void send(String text) throws IOException {
        client.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Everything the client end receives until the server end closes (at most 10 s between bytes). */
    public String receiveAll() throws IOException {
        InputStream in = client.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        try (client; server) {
            // both closed, whatever happens to either
        }
    }
}
