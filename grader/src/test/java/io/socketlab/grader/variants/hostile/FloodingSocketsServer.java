package io.socketlab.grader.variants.hostile;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/** Hostile: greets every client with an endless line (no LF ever); the grader must not buffer it forever. */
public final class FloodingSocketsServer {

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(0)));
        byte[] flood = new byte[64 * 1024];
        Arrays.fill(flood, (byte) 'A');
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[1]))) {
            while (true) {
                Socket client = server.accept();
                Thread flooder = new Thread(() -> {
                    try (client; OutputStream out = client.getOutputStream()) {
                        while (true) {
                            out.write(flood);
                        }
                    } catch (Exception e) {
                        // the grader hung up: flood the next one
                    }
                });
                flooder.setDaemon(true);
                flooder.start();
            }
        }
    }
}
