package io.socketlab.grader.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long a program's threads waited for a processor while ready to run, from Linux's scheduler statistics
 * ({@code /proc/PID/task/TID/schedstat}, second field): the measure of an overloaded machine that a program's own
 * behaviour cannot produce. A program that blocks, sleeps or computes in vain waits little; one that a busy machine
 * starves waits most of the time. The longest wait of any one thread is what counts: summed over threads, a program's
 * own threads and processes competing with each other (a JVM's helper threads, a fork bomb) would look like a busy
 * machine.
 */
public final class RunQueue {

    private RunQueue() {
    }

    /**
     * The longest time one thread of {@code root} or of its descendants waited on a run queue; zero where Linux does
     * not say.
     */
    public static Duration waited(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        long longest = 0;
        for (ProcessHandle process : tree) {
            try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
                for (Path thread : threads.toList()) {
                    String[] fields = Files.readString(thread.resolve("schedstat")).trim().split(" ");
                    longest = Math.max(longest, fields.length > 1 ? Long.parseLong(fields[1]) : 0);
                }
            } catch (IOException | RuntimeException e) {
                // Gone meanwhile, or no such table here: it adds nothing.
            }
        }
        return Duration.ofNanos(longest);
    }
}
