package io.socketlab.student.common;

import java.io.Closeable;

/** Makes SIGTERM close a server's sockets and end it with exit code 0 (SOCK-8, ECHO-7). */
public final class GracefulShutdown {

    private GracefulShutdown() {
    }

    /** From now on, SIGTERM (or Ctrl-C) closes {@code sockets} and ends the JVM with exit code 0. */
    public static void install(Closeable... sockets) {
        // TODO(SOCK-8, ECHO-7): Runtime.getRuntime().addShutdownHook(new Thread(...)) whose body
        //   closes every socket (an IOException there can only be reported on stderr), then
        //   calls Runtime.getRuntime().halt(0).
        //   Why halt(0): a JVM stopped by SIGTERM exits with 143 (128 + 15) once its hooks have
        //   run, and System.exit(0) inside a hook blocks forever, as the JVM is already stopping.
        throw new UnsupportedOperationException("not implemented yet: see specs/sockets.md");
    }
}
