package io.socketlab.grader.variants.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves connections with a pool of 10 threads: the eleventh waits until one of the first ten closes, which a keep-
 * alive client does not do (HTTP-15).
 */
public final class SmallPoolHttpServer extends HttpServerBase {

    private final ExecutorService pool = Executors.newFixedThreadPool(10);

    @Override
    void dispatch(Runnable session) {
        pool.execute(session);
    }

    public static void main(String[] args) throws Exception {
        new SmallPoolHttpServer().run(args);
    }
}
