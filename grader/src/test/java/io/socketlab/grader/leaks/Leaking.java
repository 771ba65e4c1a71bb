package io.socketlab.grader.leaks;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Each method opens a socket or a stream and never closes it: the rule must name every one. */
final class Leaking {

    private Leaking() {
    }

    /** A client socket that is read from and dropped. */
    static String fetch(String host, int port) throws IOException {
        Socket socket = new Socket(host, port);
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The listener is closed, but no accepted connection ever is. */
    static void serve(int port) throws IOException {
        try (ServerSocket listener = new ServerSocket(port)) {
            while (true) {
                Socket client = listener.accept();
                client.getOutputStream().write('\n');
            }
        }
    }

    /** A file stream written and left open. */
    static void save(String path, byte[] data) throws IOException {
        new FileOutputStream(path).write(data);
    }

    /** Handed to a "session" that never closes it: still a leak. */
    static void handOff(ServerSocket listener) throws IOException {
        new Thread(new CarelessSession(listener.accept())).start();
    }

    private static final class CarelessSession implements Runnable {
        private final Socket socket;

        CarelessSession(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            socket.isConnected();
        }
    }
}
