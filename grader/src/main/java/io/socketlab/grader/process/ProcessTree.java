package io.socketlab.grader.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

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
        return stop(root, grace, 0);
    }

    /**
     * Like {@link #stop(ProcessHandle, Duration)}, but SIGTERM goes only to the processes at least
     * {@code wrapperDepth} levels below {@code root}: the ones above are a sandbox's wrappers, which would die of it
     * at once (bubblewrap forwards no signal) and take the program down with SIGKILL before it could exit cleanly.
     */
    public static boolean stop(ProcessHandle root, Duration grace, int wrapperDepth) {
        // Collect descendants first: once the root dies, its children are re-parented and no longer found.
        List<ProcessHandle> tree = new ArrayList<>();
        List<ProcessHandle> signalled = new ArrayList<>();
        collect(root, 0, wrapperDepth, tree, signalled);
        signalled.forEach(ProcessHandle::destroy);
        boolean graceful = awaitExit(tree, grace);
        if (!graceful) {
            kill(root);
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, Duration.ofSeconds(5));
        return graceful;
    }

    private static void collect(ProcessHandle process, int depth, int wrapperDepth, List<ProcessHandle> tree,
                                List<ProcessHandle> signalled) {
        tree.add(process);
        if (depth >= wrapperDepth) {
            // Below the wrappers, everything is the program's: one list, as ProcessHandle.descendants() gives it.
            signalled.add(process);
            List<ProcessHandle> descendants = process.descendants().toList();
            tree.addAll(descendants);
            signalled.addAll(descendants);
            return;
        }
        process.children().forEach(child -> collect(child, depth + 1, wrapperDepth, tree, signalled));
    }

    /** SIGKILL to the process and every descendant, at once. */
    public static void kill(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        root.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Whether the process runs: alive, and not a zombie. A sandbox's init can die unreaped by its parent and wait,
     * a zombie, for the machine's init to reap it, which some inits do seconds later; it holds nothing meanwhile.
     */
    public static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()),
                    "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    /**
     * Waits until every process has exited, at most {@code limit}. The first is the JVM's own child, whose exit is
     * seen at once; the others (grandchildren, a sandbox's programs) are polled, since the JDK learns of a process
     * that is not its child only by polling, slowly.
     */
    private static boolean awaitExit(List<ProcessHandle> processes, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            processes.get(0).onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Awaitility.await("the processes to exit").atMost(left.plusMillis(1)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .until(() -> processes.stream().noneMatch(ProcessTree::isRunning));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
