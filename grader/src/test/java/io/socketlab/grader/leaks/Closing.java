package io.socketlab.grader.leaks;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;

/** Every way the rule accepts to close what a method opens: the rule must find nothing here. */
final class Closing {

    private Closing() {
    }

    /** Try-with-resources, the idiom. */
    static byte[] fetch(String host, int port) throws IOException {
        try (Socket socket = new Socket(host, port); InputStream in = socket.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** An explicit close in finally. */
    static void send(byte[] payload) throws IOException {
        DatagramSocket socket = new DatagramSocket();
        try {
            socket.send(new DatagramPacket(payload, payload.length));
        } finally {
            socket.close();
        }
    }

    /** Accepted connections handed to a session that closes them, on its own thread, from a lambda. */
    static void serve(int port) throws IOException {
        try (ServerSocket listener = new ServerSocket(port)) {
            Socket client = listener.accept();
            Thread thread = new Thread(() -> new Session(client).run());
            thread.start();
        }
    }

    /** A factory: the caller owns what it returns, and closes it. */
    static InputStream open(String path) throws IOException {
        return new FileInputStream(path);
    }

    static int firstByte(String path) throws IOException {
        try (InputStream in = open(path)) {
            return in.read();
        }
    }

    /** A stream wrapped in readers: closing the outermost closes it. */
    static String firstLine(String path) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new FileInputStream(path), java.nio.charset.StandardCharsets.UTF_8))) {
            return reader.readLine();
        }
    }

    /** Owns its socket until the conversation ends. */
    static final class Session implements Runnable {
        private final Socket socket;

        Session(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            try (socket) {
                socket.getOutputStream().write('\n');
            } catch (IOException e) {
                // The peer went away: nothing left to do with this connection.
            }
        }
    }
}
