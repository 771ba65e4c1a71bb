package io.socketlab.grader.variants.hostile;

/** Hostile: a client that never connects, never reads stdin, and never exits. */
public final class HangingSocketsClient {

    public static void main(String[] args) throws InterruptedException {
        Thread.currentThread().join();
    }
}
