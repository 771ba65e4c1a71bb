package io.socketlab.grader.conformance;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs steps of a test at the same time (clients sending while others read, uploads racing) and waits for all of
 * them with one deadline. Each step gets its own thread: a shared pool could run "concurrent" clients one after
 * another on a machine with few cores. The first step to fail fails the test, with its own failure.
 */
public final class Concurrently {

    /** A step that may throw, like a test body. */
    @FunctionalInterface
    public interface Step<T> {
        T run() throws Exception;
    }

    /** A step with no result. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private static final Executor THREAD_PER_STEP = task -> {
        Thread thread = new Thread(task, "socketlab-step");
        thread.setDaemon(true);
        thread.start();
    };

    private Concurrently() {
    }

    /** Starts {@code step} on its own thread now. */
    public static <T> CompletableFuture<T> start(Step<T> step) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return step.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, THREAD_PER_STEP);
    }

    /** Starts {@code action} on its own thread now. */
    public static CompletableFuture<Void> start(Action action) {
        return start(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Waits for every step, {@code within} in all. A step's failure is rethrown as it was thrown; a deadline that
     * passes is a TIMEOUT failure of {@code what}, expecting {@code expected}.
     */
    public static <T> List<T> awaitAll(List<CompletableFuture<T>> steps, Duration within, Text what, Text expected)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> step : steps) {
            try {
                results.add(step.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException e) {
                // Rethrow what the step threw: a ConformanceFailure is an AssertionError, an Error, not an Exception.
                Throwable cause = e.getCause();
                if (cause instanceof Exception exception) {
                    throw exception;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            } catch (TimeoutException e) {
                throw ConformanceFailure.timeout(what, expected, within);
            }
        }
        return results;
    }
}
