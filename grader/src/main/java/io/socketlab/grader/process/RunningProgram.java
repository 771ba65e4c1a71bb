package io.socketlab.grader.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One started program: its process, its captured output, its stdin, and its private folder; closing it stops the
 * whole process tree and removes the folder.
 */
public final class RunningProgram implements AutoCloseable {

    private final String label;
    private final List<String> commandLine;
    private final Process process;
    private final OutputCapture stdout;
    private final OutputCapture stderr;
    private final Path privateDir;
    private final Duration grace;
    private final Runnable beforeStop;
    /** Kills the Docker container the program runs in ({@code --sandbox docker}); null for a plain process. */
    private final Runnable container;
    private volatile boolean stopped;

    RunningProgram(String label, List<String> commandLine, Process process, OutputCapture stdout,
                   OutputCapture stderr, Path privateDir, Duration grace, Runnable beforeStop) {
        this(label, commandLine, process, stdout, stderr, privateDir, grace, beforeStop, null);
    }

    RunningProgram(String label, List<String> commandLine, Process process, OutputCapture stdout,
                   OutputCapture stderr, Path privateDir, Duration grace, Runnable beforeStop, Runnable container) {
        this.label = label;
        this.commandLine = commandLine;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.privateDir = privateDir;
        this.grace = grace;
        this.beforeStop = beforeStop;
        this.container = container;
    }

    public String label() {
        return label;
    }

    public List<String> commandLine() {
        return commandLine;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public OutputCapture stdout() {
        return stdout;
    }

    public OutputCapture stderr() {
        return stderr;
    }

    public Path privateDir() {
        return privateDir;
    }

    /** The program's standard input; closing it is the program's EOF. */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Closes stdin, ignoring a program that has already exited. */
    public void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The program exited before reading all of it: its exit code says the rest.
        }
    }

    /** The exit code, or empty while it runs. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /**
     * Waits for the program to exit on its own, at most {@code limit}, then for its output to be drained.
     *
     * @return the exit code, or empty when it was still running at the deadline
     */
    public OptionalInt awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return OptionalInt.empty();
            }
            // The pipes close with the process unless a grandchild inherited them: bounded, either way.
            stdout.awaitEnd(2000);
            stderr.awaitEnd(2000);
            return OptionalInt.of(process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /**
     * Sends SIGTERM to the program's tree and waits for it, as the contract's shutdown.
     *
     * @return the exit code, or empty when it had to be killed after the grace period
     */
    public OptionalInt terminate() {
        runBeforeStop();
        // In a sandbox the docker client proxies SIGTERM to the container; a container left over is killed after.
        boolean graceful = ProcessTree.stop(process.toHandle(), grace);
        killContainer();
        stopped = true;
        awaitExit(Duration.ofSeconds(5));
        return graceful ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** Kills the whole process tree at once (SIGKILL): no chance to flush or clean up, like a power cut. */
    public void kill() {
        runBeforeStop();
        // SIGKILL is not proxied to a container: kill the container itself first, then its client.
        killContainer();
        ProcessTree.kill(process.toHandle());
        awaitExit(Duration.ofSeconds(5));
        stopped = true;
    }

    /**
     * Resident memory of the program and all its descendants, in KiB, from {@code /proc}; empty where the system
     * has no such table.
     */
    public java.util.OptionalLong residentKib() {
        if (container != null) {
            // The process here is the docker client; the program's memory is the container's, bounded by its limit.
            return java.util.OptionalLong.empty();
        }
        java.util.List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        long total = 0;
        for (ProcessHandle handle : tree) {
            java.nio.file.Path status = java.nio.file.Path.of("/proc", Long.toString(handle.pid()), "status");
            try {
                for (String line : java.nio.file.Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (java.io.IOException | NumberFormatException e) {
                if (handle.equals(process.toHandle()) && !java.nio.file.Files.exists(status)) {
                    return java.util.OptionalLong.empty();
                }
            }
        }
        return java.util.OptionalLong.of(total);
    }

    /**
     * Starts watching the peak resident memory of the program's tree (see {@link PeakMemory}); empty where it cannot
     * be watched: no {@code /proc}, or a program in a container, whose processes are not this one's descendants.
     */
    public java.util.Optional<PeakMemory> watchPeakMemory() {
        return container != null ? java.util.Optional.empty() : PeakMemory.watch(process.toHandle());
    }

    /** The program's output, head and tail, timestamped, for a report. */
    public String log() {
        return stdout.timestampedLines() + stderr.timestampedLines();
    }

    /** The command's last words with a live program; a program that already exited has nothing more to give. */
    private void runBeforeStop() {
        if (!stopped && process.isAlive()) {
            beforeStop.run();
        }
    }

    /** Whether the program runs in a Docker container ({@code --sandbox docker}). */
    public boolean isSandboxed() {
        return container != null;
    }

    /** Kills the program's container by name (bounded), so nothing outlives the test even if its client died. */
    private void killContainer() {
        if (container != null) {
            container.run();
        }
    }

    @Override
    public void close() {
        if (!stopped) {
            runBeforeStop();
            ProcessTree.stop(process.toHandle(), grace);
            killContainer();
            stopped = true;
        }
        closeStdin();
        ProgramLauncher.deleteRecursively(privateDir);
    }
}
