package io.socketlab.grader.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Stops a process and everything it started: SIGTERM to the whole tree, a grace period, then SIGKILL. */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Sends SIGTERM to the process and all its descendants, waits up to {@code grace} for them to exit, then kills
     * whatever is left (including anything started meanwhile).
     *
     * @return whether everything exited within the grace period
     */
    public static boolean stop(ProcessHandle root, Duration grace) {
        // Collect descendants first: once the root dies, its children are re-parented and no longer found.
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        boolean graceful = awaitExit(tree, grace);
        if (!graceful) {
            kill(root);
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, Duration.ofSeconds(5));
        return graceful;
    }

    /** SIGKILL to the process and every descendant, at once. */
    public static void kill(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        root.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration limit) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
