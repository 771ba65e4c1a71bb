package io.socketlab.grader.variants.hostile;

import io.socketlab.grader.variants.sockets.CorrectSocketsServer;

/**
 * Hostile: a correct server that ignores SIGTERM and has started a child process that ignores it too; the grader
 * must kill the whole tree after its grace period and charge only the termination clause.
 */
public final class StubbornSocketsServer {

    @SuppressWarnings("sunapi")
    public static void main(String[] args) throws Exception {
        new ProcessBuilder("/bin/sh", "-c", "trap '' TERM; while :; do sleep 1; done").inheritIO().start();
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> { });
        CorrectSocketsServer.main(args);
    }
}
