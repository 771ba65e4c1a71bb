package io.socketlab.reference.common;

import java.io.Closeable;
import java.io.IOException;

/** Makes SIGTERM close a server's sockets and end it with exit code 0 (SOCK-8, ECHO-7). */
public final class GracefulShutdown {

    private GracefulShutdown() {
    }

    /** From now on, SIGTERM (or Ctrl-C) closes {@code sockets} and ends the JVM with exit code 0. */
    public static void install(Closeable... sockets) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Closeable socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    System.err.println("shutdown: " + e.getMessage());
                }
            }
            // A JVM stopped by SIGTERM exits with 143 (128 + 15) once its hooks have run, but the
            // contract wants 0. halt() ends it here with our code; System.exit() would block,
            // because the JVM is already shutting down.
            Runtime.getRuntime().halt(0);
        }, "graceful-shutdown"));
    }
}
