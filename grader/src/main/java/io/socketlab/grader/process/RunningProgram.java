package io.socketlab.grader.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
    private final Consumer<RunningProgram> beforeStop;
    /** The sandbox around the program: how to signal it, kill it, see its limits and free what it held. */
    private final Confinement confinement;
    private volatile boolean stopped;
    /** The limit the program ran into, kept once known: the sandbox forgets it when it is released. */
    private volatile Optional<LimitBreach> breach = Optional.empty();

    RunningProgram(String label, List<String> commandLine, Process process, OutputCapture stdout,
                   OutputCapture stderr, Path privateDir, Duration grace, Consumer<RunningProgram> beforeStop) {
        this(label, commandLine, process, stdout, stderr, privateDir, grace, beforeStop,
                Confinement.plain(commandLine, Map.of()));
    }

    RunningProgram(String label, List<String> commandLine, Process process, OutputCapture stdout,
                   OutputCapture stderr, Path privateDir, Duration grace, Consumer<RunningProgram> beforeStop,
                   Confinement confinement) {
        this.label = label;
        this.commandLine = commandLine;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.privateDir = privateDir;
        this.grace = grace;
        this.beforeStop = beforeStop;
        this.confinement = confinement;
    }

    public String label() {
        return label;
    }

    public List<String> commandLine() {
        return commandLine;
    }

    /** The command line actually started: the program's own, or the program's wrapped in its sandbox's tools. */
    public List<String> startedCommandLine() {
        return confinement.argv();
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
        // SIGTERM to the program's tree below any wrapper; in docker the client proxies it into the container.
        boolean graceful = ProcessTree.stop(process.toHandle(), grace, confinement.wrapperDepth());
        stopped = true;
        awaitExit(Duration.ofSeconds(5));
        return graceful ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** Kills the whole process tree at once (SIGKILL): no chance to flush or clean up, like a power cut. */
    public void kill() {
        runBeforeStop();
        // SIGKILL is not proxied to a container, nor felt by a program below bubblewrap at once: the sandbox first.
        confinement.kill();
        ProcessTree.kill(process.toHandle());
        awaitExit(Duration.ofSeconds(5));
        stopped = true;
    }

    /**
     * The sandbox limit the program ran into (memory, processes, CPU time, file size), if any: a program killed by
     * a limit is told so rather than that it crashed. Empty outside a sandbox.
     */
    public Optional<LimitBreach> limitBreach() {
        if (breach.isEmpty()) {
            breach = confinement.breach(exitCode());
        }
        return breach;
    }

    /**
     * Resident memory of the program and all its descendants, in KiB, from {@code /proc}; empty where the system
     * has no such table.
     */
    public OptionalLong residentKib() {
        if (confinement.measuresMemory()) {
            // The process here is the docker client; the program's memory is the container's.
            return confinement.residentKib();
        }
        return residentKibOf(process.toHandle());
    }

    /** Resident memory of {@code root} and all its descendants, in KiB; empty when {@code /proc} has no such table. */
    static OptionalLong residentKibOf(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        long total = 0;
        for (ProcessHandle handle : tree) {
            Path status = Path.of("/proc", Long.toString(handle.pid()), "status");
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                if (handle.equals(root) && !Files.exists(status)) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.of(total);
    }

    /**
     * The inodes of the sockets the program's processes hold now; empty when they cannot be read (another user's
     * processes without root, a container not yet started).
     */
    public Optional<Set<Long>> socketInodes() {
        Optional<ProcessHandle> root = confinement.programRoot();
        if (confinement.measuresMemory() && root.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle top = root.orElse(process.toHandle());
        List<ProcessHandle> tree = new ArrayList<>(top.descendants().toList());
        tree.add(top);
        Set<Long> sockets = new HashSet<>();
        for (ProcessHandle handle : tree) {
            try (var fds = Files.list(Path.of("/proc", Long.toString(handle.pid()), "fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            sockets.add(Long.parseLong(target.substring(8, target.length() - 1)));
                        }
                    } catch (IOException | NumberFormatException e) {
                        // closed meanwhile
                    }
                }
            } catch (IOException e) {
                if (handle.equals(top) && handle.isAlive()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(sockets);
    }

    /**
     * Starts watching the peak resident memory of the program's tree (see {@link PeakMemory}); empty where it cannot
     * be watched: no {@code /proc}, or a program in a container, whose processes are not this one's descendants.
     */
    public Optional<PeakMemory> watchPeakMemory() {
        // A container measures its own memory (its processes are not this one's descendants): no peak to watch here.
        return confinement.measuresMemory() ? Optional.empty() : PeakMemory.watch(process.toHandle());
    }

    /** The program's output, head and tail, timestamped, for a report. */
    public String log() {
        return stdout.timestampedLines() + stderr.timestampedLines();
    }

    /** The command's last words with a live program; a program that already exited has nothing more to give. */
    private void runBeforeStop() {
        if (!stopped && process.isAlive()) {
            beforeStop.accept(this);
        }
    }

    @Override
    public void close() {
        if (!stopped) {
            // Some limits show only while the program runs (a docker container's refused forks): look first.
            limitBreach();
            runBeforeStop();
            ProcessTree.stop(process.toHandle(), grace, confinement.wrapperDepth());
            stopped = true;
        }
        closeStdin();
        // Read what the sandbox recorded before it forgets it, then take down whatever is left of the program and
        // free its cgroup, uid or container.
        limitBreach();
        confinement.release();
        ProgramLauncher.deleteRecursively(privateDir);
    }
}
