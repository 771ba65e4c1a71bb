package io.socketlab.grader.process;

import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Control groups for sandboxed programs, one per program, where this process may make them: cgroup v2 under
 * {@code /sys/fs/cgroup/socketlab} (root), or cgroup v1 under this process's own memory, pids and cpu groups (root
 * on a legacy or hybrid host). A program's group bounds the memory and the number of tasks of everything it starts,
 * counts the kills and refusals that limits caused, and is killed whole when the program ends.
 */
final class Cgroups {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final String NAME_PREFIX = "socketlab-";

    private final boolean unified;
    /** Controller (v1) or "" (v2) to the folder the programs' groups are made in. */
    private final Map<String, Path> parents;
    private final String prefix;
    private final AtomicInteger made = new AtomicInteger();

    private Cgroups(boolean unified, Map<String, Path> parents) {
        this.unified = unified;
        this.parents = Map.copyOf(parents);
        // The pid tells a live grader's groups from a dead one's; the random part, graders in other pid namespaces.
        this.prefix = NAME_PREFIX + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)) + "-";
    }

    /** The control groups this process may make, or why it may make none. */
    static Detected detect() {
        try {
            if (Files.isRegularFile(ROOT.resolve("cgroup.controllers"))) {
                return detectUnified();
            }
            return detectLegacy();
        } catch (IOException | RuntimeException e) {
            return Detected.no("cannot use cgroups: " + e.getMessage());
        }
    }

    /** Either usable control groups or the reason there are none. */
    record Detected(Optional<Cgroups> cgroups, String whyNot) {
        static Detected no(String why) {
            return new Detected(Optional.empty(), why);
        }
    }

    private static Detected detectUnified() throws IOException {
        Path parent = ROOT.resolve("socketlab");
        String rootControllers = Files.readString(ROOT.resolve("cgroup.subtree_control")).strip();
        if (!Files.isWritable(ROOT.resolve("cgroup.subtree_control"))) {
            return Detected.no("cgroup v2 is not writable by this user (run the grader as root for memory and"
                    + " process-count limits)");
        }
        try {
            if (!(" " + rootControllers + " ").contains(" memory ") || !(" " + rootControllers + " ").contains(" pids ")) {
                write(ROOT.resolve("cgroup.subtree_control"), "+memory +pids");
            }
            Files.createDirectories(parent);
            write(parent.resolve("cgroup.subtree_control"), "+memory +pids");
            try {
                write(parent.resolve("cgroup.subtree_control"), "+cpu");
            } catch (IOException e) {
                // The CPU quota is the one limit that can be missing: the per-process CPU time still applies.
            }
        } catch (IOException e) {
            return Detected.no("cannot enable the memory and pids controllers under " + parent + ": " + e.getMessage());
        }
        Cgroups cgroups = new Cgroups(true, Map.of("", parent));
        cgroups.sweepStale();
        return new Detected(Optional.of(cgroups), "");
    }

    private static Detected detectLegacy() throws IOException {
        Map<String, String> own = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] fields = line.split(":", 3);
            if (fields.length == 3) {
                for (String controller : fields[1].split(",")) {
                    own.put(controller, fields[2]);
                }
            }
        }
        Map<String, Path> parents = new LinkedHashMap<>();
        for (String controller : List.of("memory", "pids", "cpu")) {
            Path mount = ROOT.resolve(controller);
            if (own.containsKey(controller) && Files.isRegularFile(mount.resolve("cgroup.procs"))) {
                Path parent = mount.resolve(own.get(controller).replaceFirst("^/", ""));
                if (Files.isWritable(parent)) {
                    parents.put(controller, parent);
                }
            }
        }
        if (!parents.containsKey("memory") || !parents.containsKey("pids")) {
            return Detected.no("no writable memory and pids cgroups (v1) for this user (run the grader as root for"
                    + " memory and process-count limits)");
        }
        Cgroups cgroups = new Cgroups(false, parents);
        cgroups.sweepStale();
        return new Detected(Optional.of(cgroups), "");
    }

    /** Whether the CPU quota ({@code cpus}) can be enforced. */
    boolean limitsCpuRate() {
        return unified ? Files.exists(parents.get("").resolve("cgroup.subtree_control"))
                && readQuietly(parents.get("").resolve("cgroup.subtree_control")).contains("cpu")
                : parents.containsKey("cpu");
    }

    /** A new group bounded by {@code limits}, for one program. */
    Cgroup create(Limits limits) {
        String name = prefix + made.incrementAndGet();
        Map<String, Path> dirs = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Path> parent : parents.entrySet()) {
                Path dir = parent.getValue().resolve(name);
                Files.createDirectory(dir);
                dirs.put(parent.getKey(), dir);
            }
            Cgroup cgroup = new Cgroup(unified, dirs);
            cgroup.apply(limits, limitsCpuRate());
            return cgroup;
        } catch (IOException e) {
            new Cgroup(unified, dirs).remove();
            throw new HarnessException(Text.format("cannot make the cgroup %s: %s", "no se puede crear el cgroup %s: %s",
                    name, e.getMessage()), e);
        }
    }

    /** Removes the groups of graders that died without removing theirs, killing what is left in them. */
    private void sweepStale() {
        for (Path parent : parents.values()) {
            try (Stream<Path> children = Files.list(parent)) {
                children.filter(Files::isDirectory)
                        .filter(dir -> dir.getFileName().toString().startsWith(NAME_PREFIX))
                        .filter(dir -> ownerGone(dir.getFileName().toString()))
                        .forEach(dir -> {
                            Cgroup stale = new Cgroup(unified, Map.of("", dir));
                            stale.killAll();
                            stale.remove();
                        });
            } catch (IOException e) {
                // Nothing to sweep, or not ours to sweep.
            }
        }
    }

    private static boolean ownerGone(String name) {
        String[] parts = name.substring(NAME_PREFIX.length()).split("-");
        try {
            return ProcessHandle.of(Long.parseLong(parts[0])).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Refused forks and threads in the cgroup of process {@code pid} (a container's init, say), read from the
     * {@code pids} controller's events; 0 when they cannot be read.
     */
    static long pidsRefusalsOf(long pid) {
        for (String line : readQuietly(Path.of("/proc", Long.toString(pid), "cgroup")).split("\n")) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            String relative = fields[2].replaceFirst("^/", "");
            if (fields[0].equals("0") && fields[1].isEmpty() && Files.isRegularFile(ROOT.resolve("cgroup.controllers"))) {
                return new Cgroup(true, Map.of("", ROOT.resolve(relative))).pidsRefusals();
            }
            if (List.of(fields[1].split(",")).contains("pids")) {
                return new Cgroup(false, Map.of("pids", ROOT.resolve("pids").resolve(relative))).pidsRefusals();
            }
        }
        return 0;
    }

    static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
    }

    static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** One program's group: a folder per hierarchy (v1) or one folder (v2). */
    static final class Cgroup {
        private final boolean unified;
        private final Map<String, Path> dirs;

        Cgroup(boolean unified, Map<String, Path> dirs) {
            this.unified = unified;
            this.dirs = Map.copyOf(dirs);
        }

        private void apply(Limits limits, boolean cpuRate) throws IOException {
            long quota = Math.round(limits.cpus() * 100_000);
            if (unified) {
                Path dir = dirs.get("");
                write(dir.resolve("memory.max"), Long.toString(limits.memoryBytes()));
                writeIfPresent(dir.resolve("memory.swap.max"), "0");
                // One process over the limit takes the whole program down, as a container's would.
                writeIfPresent(dir.resolve("memory.oom.group"), "1");
                write(dir.resolve("pids.max"), Integer.toString(limits.pids()));
                if (cpuRate) {
                    writeIfPresent(dir.resolve("cpu.max"), quota + " 100000");
                }
                return;
            }
            Path memory = dirs.get("memory");
            write(memory.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
            // Without swap accounting the file is absent; with it, swap would otherwise stretch the limit.
            writeIfPresent(memory.resolve("memory.memsw.limit_in_bytes"), Long.toString(limits.memoryBytes()));
            write(dirs.get("pids").resolve("pids.max"), Integer.toString(limits.pids()));
            if (cpuRate && dirs.containsKey("cpu")) {
                write(dirs.get("cpu").resolve("cpu.cfs_period_us"), "100000");
                write(dirs.get("cpu").resolve("cpu.cfs_quota_us"), Long.toString(quota));
            }
        }

        private static void writeIfPresent(Path file, String value) throws IOException {
            if (Files.exists(file)) {
                write(file, value);
            }
        }

        /** The {@code cgroup.procs} files a process writes its pid into to join this group. */
        List<Path> procsFiles() {
            return dirs.values().stream().map(dir -> dir.resolve("cgroup.procs")).toList();
        }

        /** Processes the kernel's OOM killer killed in this group. */
        long oomKills() {
            Path dir = unified ? dirs.get("") : dirs.get("memory");
            String file = unified ? "memory.events" : "memory.oom_control";
            return counter(dir.resolve(file), "oom_kill");
        }

        /** Times a fork or a new thread was refused because the group had its maximum of tasks. */
        long pidsRefusals() {
            Path dir = unified ? dirs.get("") : dirs.get("pids");
            return counter(dir.resolve("pids.events"), "max");
        }

        /** The pids of the processes in the group now. */
        List<Long> processes() {
            List<Long> pids = new ArrayList<>();
            for (Path dir : dirs.values()) {
                for (String line : readQuietly(dir.resolve("cgroup.procs")).split("\n")) {
                    if (!line.isBlank()) {
                        pids.add(Long.parseLong(line.strip()));
                    }
                }
            }
            return pids;
        }

        /** Kills every process in the group, repeatedly until none is left (bounded: 2 s). */
        void killAll() {
            Path kill = dirs.values().iterator().next().resolve("cgroup.kill");
            if (unified && Files.exists(kill)) {
                try {
                    write(kill, "1");
                } catch (IOException e) {
                    // Fall back to killing one by one.
                }
            }
            long deadline = System.nanoTime() + 2_000_000_000L;
            List<Long> left = processes();
            while (!left.isEmpty() && System.nanoTime() < deadline) {
                left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                LockSupport.parkNanos(10_000_000L);
                left = processes();
            }
        }

        /** Removes the group's folders once its processes are gone (bounded: retried for 2 s). */
        void remove() {
            long deadline = System.nanoTime() + 2_000_000_000L;
            for (Path dir : dirs.values()) {
                while (Files.exists(dir)) {
                    try {
                        Files.delete(dir);
                    } catch (IOException e) {
                        if (System.nanoTime() > deadline) {
                            break;
                        }
                        killAll();
                    }
                }
            }
        }

        private static long counter(Path file, String key) {
            for (String line : readQuietly(file).split("\n")) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length == 2 && fields[0].equals(key)) {
                    try {
                        return Long.parseLong(fields[1]);
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }
            }
            return 0;
        }
    }
}
