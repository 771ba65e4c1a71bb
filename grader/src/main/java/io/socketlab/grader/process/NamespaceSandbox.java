package io.socketlab.grader.process;

import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Text;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * {@code --sandbox ns}: every program in Linux namespaces through bubblewrap, with no Docker. Each program gets its
 * own PID namespace (everything it starts dies with it), IPC and UTS namespaces, an allow-list view of the files
 * ({@link FileView}), no capabilities and {@code no_new_privs}, a uid of its own when the grader is root (else a
 * user namespace; one per session), a cgroup bounding its memory and tasks where this process may make one, and rlimits on CPU time,
 * file size, open files and tasks. Its network is the grader's: the grading session runs in a private network
 * namespace with only loopback ({@link PrivateNetwork}), so the programs reach the grader and nothing else; a JVM
 * that is not in one gives each program a network namespace of its own instead.
 */
public final class NamespaceSandbox implements Sandbox {

    /** Exit status of a process killed by SIGXCPU (24), as bubblewrap passes it on. */
    private static final int KILLED_BY_SIGXCPU = 128 + 24;
    /** Exit status of a process killed by SIGXFSZ (25). */
    private static final int KILLED_BY_SIGXFSZ = 128 + 25;
    /** Variables naming folders of language runtimes that programs run on. */
    private static final List<String> RUNTIME_VARIABLES = List.of(
            "JAVA_HOME", "PYENV_ROOT", "VIRTUAL_ENV", "CONDA_PREFIX", "GOROOT", "CARGO_HOME", "RUSTUP_HOME", "NVM_DIR");

    private final Limits limits;
    private final List<Path> hidden;
    private final boolean root;
    private final boolean sharedLoopback;
    private final Optional<Cgroups> cgroups;
    private final String cgroupsWhyNot;
    /** The session's uid, as root; null otherwise. */
    private final SessionUid sessionUid;

    private NamespaceSandbox(Limits limits, List<Path> hidden, boolean root, boolean sharedLoopback,
                             Cgroups.Detected cgroups, UidPool uids) {
        this.limits = limits;
        this.hidden = List.copyOf(hidden);
        this.root = root;
        this.sharedLoopback = sharedLoopback;
        this.cgroups = cgroups.cgroups();
        this.cgroupsWhyNot = cgroups.whyNot();
        this.sessionUid = uids == null ? null : new SessionUid(uids);
    }

    /**
     * A sandbox for this machine: cgroups if this process may make them, dedicated uids if it is root, the grader's
     * loopback if it runs in a private network namespace.
     *
     * @param hidden paths no program may see (the grader's jar, the report folder)
     * @throws IllegalStateException saying why, when bubblewrap cannot sandbox a program here
     */
    public static NamespaceSandbox create(Limits limits, List<Path> hidden) {
        Optional<String> problem = unavailableBecause();
        if (problem.isPresent()) {
            throw new IllegalStateException(problem.get());
        }
        boolean root = Tools.isRoot();
        return new NamespaceSandbox(limits, hidden, root, PrivateNetwork.isLoopbackOnly(), Cgroups.detect(),
                root ? UidPool.configured() : null);
    }

    /** Why programs cannot be sandboxed with bubblewrap here, in one sentence; empty when they can. */
    public static Optional<String> unavailableBecause() {
        return Tools.bubblewrapProblem();
    }

    @Override
    public String mode() {
        return "ns";
    }

    @Override
    public boolean sharesLoopbackWithGrader() {
        return sharedLoopback;
    }

    public Limits limits() {
        return limits;
    }

    @Override
    public List<String> limitations() {
        List<String> missing = new ArrayList<>();
        if (cgroups.isEmpty()) {
            missing.add(cgroupsWhyNot + ": memory and the CPU share are not limited; processes and threads are, by"
                    + " RLIMIT_NPROC");
        } else if (!cgroups.get().limitsCpuRate()) {
            missing.add("no cpu cgroup controller: the CPU share (cpus) is not limited, CPU time per process is");
        }
        if (!root) {
            missing.add("not root: programs run in a user namespace as the grader's own uid, kept from the reports"
                    + " by the file view alone");
        }
        return missing;
    }

    @Override
    public Confinement confine(Launch launch) {
        OptionalInt uid = sessionUid != null ? OptionalInt.of(sessionUid.get()) : OptionalInt.empty();
        Cgroups.Cgroup cgroup = cgroups.map(c -> c.create(limits)).orElse(null);
        try {
            if (uid.isPresent()) {
                launch.writable().forEach(folder -> chown(folder, uid.getAsInt()));
            }
            return new Namespaced(launch, uid, cgroup, argv(launch, uid, cgroup));
        } catch (RuntimeException e) {
            if (cgroup != null) {
                cgroup.remove();
            }
            throw e;
        }
    }

    /** Gives the session's uid back. */
    @Override
    public void close() {
        if (sessionUid != null) {
            sessionUid.close();
        }
    }

    private List<String> argv(Launch launch, OptionalInt uid, Cgroups.Cgroup cgroup) {
        List<String> argv = new ArrayList<>();
        if (cgroup != null) {
            // The wrapper joins the cgroup before bubblewrap starts, so nothing the program does escapes its limits.
            argv.addAll(List.of("/bin/sh", "-c", "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift;"
                    + " done; shift; exec \"$@\"", "socketlab-cgroup"));
            cgroup.procsFiles().forEach(file -> argv.add(file.toString()));
            argv.add("--");
        }
        argv.addAll(List.of(Tools.bwrap(), "--die-with-parent", "--new-session",
                "--unshare-pid", "--unshare-ipc", "--unshare-uts"));
        if (!sharedLoopback) {
            argv.add("--unshare-net");
        }
        FileView view = new FileView(limits.fsizeBytes(), cgroup != null);
        runtimeFolders(launch.environment()).forEach(view::readOnly);
        launch.readable().forEach(view::readOnly);
        view.readOnly(launch.workingDir());
        launch.writable().forEach(view::writable);
        view.hide(hidden);
        argv.addAll(view.arguments());
        argv.addAll(List.of("--chdir", launch.workingDir().toString(), "--"));
        if (uid.isPresent()) {
            String id = Integer.toString(uid.getAsInt());
            Set<Integer> groups = groupsToRead(launch.readable());
            argv.addAll(List.of("setpriv", "--reuid=" + id, "--regid=" + id, groups.isEmpty() ? "--clear-groups"
                    : "--groups=" + groups.stream().map(String::valueOf).collect(Collectors.joining(",")),
                    "--inh-caps=-all", "--bounding-set=-all", "--"));
        }
        argv.addAll(List.of("prlimit",
                "--cpu=" + limits.cpuSeconds() + ":" + (limits.cpuSeconds() + 1),
                "--fsize=" + limits.fsizeBytes(),
                "--nofile=" + limits.nofile(),
                "--nproc=" + limits.pids(),
                "--"));
        argv.addAll(launch.command());
        return argv;
    }

    /**
     * Folders of the runtimes the program may run on, read-only: what its PATH and the runtimes' variables name
     * outside the system's folders (a pyenv, a virtualenv, a JDK in a tool cache). A {@code bin} or {@code shims}
     * folder brings its parent, where the runtime's libraries are, unless that is a home folder.
     */
    static Set<Path> runtimeFolders(Map<String, String> environment) {
        Set<Path> folders = new LinkedHashSet<>();
        folders.add(Path.of(System.getProperty("java.home")));
        RUNTIME_VARIABLES.stream().map(environment::get).filter(v -> v != null && !v.isBlank())
                .forEach(v -> folders.add(Path.of(v)));
        String path = environment.getOrDefault("PATH", "");
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank() || !Path.of(entry).isAbsolute()) {
                continue;
            }
            Path folder = Path.of(entry).normalize();
            String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
            Path parent = folder.getParent();
            if ((name.equals("bin") || name.equals("shims")) && parent != null && parent.getNameCount() > 0
                    && !parent.equals(home) && !parent.equals(Path.of("/home")) && !parent.equals(Path.of("/root"))) {
                folders.add(parent);
            } else {
                folders.add(folder);
            }
        }
        folders.removeIf(folder -> folder.equals(home) || folder.getNameCount() == 0);
        return folders;
    }

    /**
     * The groups whose members may read the folders a command names that others may not (a Maven repository made
     * under a umask of 027, say): the program gets them as supplementary groups, since its uid is nobody's. This
     * lets it read, in the folders it is shown, what those groups may read.
     */
    static Set<Integer> groupsToRead(List<Path> readable) {
        Set<Integer> groups = new TreeSet<>();
        for (Path path : readable) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                boolean open = permissions.contains(PosixFilePermission.OTHERS_READ)
                        && (!Files.isDirectory(path)
                        || permissions.contains(PosixFilePermission.OTHERS_EXECUTE));
                if (!open) {
                    groups.add((Integer) Files.getAttribute(path, "unix:gid"));
                }
            } catch (IOException | UnsupportedOperationException e) {
                // A path that cannot be examined is shown as it is.
            }
        }
        return groups;
    }

    /** Gives {@code folder} and everything in it to {@code uid}, never following a link out of it. */
    static void chown(Path folder, int uid) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    own(dir, uid);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    own(file, uid);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new HarnessException(Text.format("cannot give %s to the sandbox's uid %d: %s",
                    "no se puede dar %s al uid %d del sandbox: %s", folder, uid, e.getMessage()), e);
        }
    }

    private static void own(Path path, int uid) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
    }

    /** One program in its namespaces: its cgroup and uid, released when it is gone. */
    private final class Namespaced implements Confinement {
        private final Launch launch;
        private final OptionalInt uid;
        private final Cgroups.Cgroup cgroup;
        private final List<String> argv;
        private final AtomicBoolean released = new AtomicBoolean();
        private final FileTime started = FileTime.from(
                Instant.now().minusSeconds(1));

        Namespaced(Launch launch, OptionalInt uid, Cgroups.Cgroup cgroup, List<String> argv) {
            this.launch = launch;
            this.uid = uid;
            this.cgroup = cgroup;
            this.argv = List.copyOf(argv);
        }

        @Override
        public List<String> argv() {
            return argv;
        }

        @Override
        public Map<String, String> environment() {
            Map<String, String> environment = new HashMap<>(launch.environment());
            // The grader's home is neither visible nor the program's: its own folder is.
            environment.put("HOME", launch.privateDir().toString());
            return environment;
        }

        @Override
        public int wrapperDepth() {
            // bubblewrap, then its init (PID 1 of the namespace), then the program.
            return 2;
        }

        @Override
        public void kill() {
            if (cgroup != null && !released.get()) {
                cgroup.killAll();
            }
        }

        @Override
        public Optional<LimitBreach> breach(OptionalInt exitCode) {
            if (cgroup != null && !released.get() && cgroup.oomKills() > 0) {
                return Optional.of(LimitBreach.memory(limits));
            }
            if (exitCode.isPresent() && exitCode.getAsInt() == KILLED_BY_SIGXCPU) {
                return Optional.of(LimitBreach.cpu(limits));
            }
            if ((exitCode.isPresent() && exitCode.getAsInt() == KILLED_BY_SIGXFSZ) || launch.writable().stream()
                    .anyMatch(folder -> wroteFileOfSize(folder, limits.fsizeBytes(), uid, started))) {
                return Optional.of(LimitBreach.fsize(limits));
            }
            if (cgroup != null && !released.get() && cgroup.pidsRefusals() > 0) {
                return Optional.of(LimitBreach.pids(limits));
            }
            return Optional.empty();
        }

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                if (cgroup != null) {
                    cgroup.killAll();
                    cgroup.remove();
                }
            }
        }
    }

    /**
     * Whether the program wrote a file of at least {@code size} bytes in {@code folder}: the file-size limit stops
     * writes there (Java and Python ignore SIGXFSZ and see an error instead). A file is the program's when its uid
     * owns it, or, without a uid of its own, when it changed after the program started.
     */
    static boolean wroteFileOfSize(Path folder, long size, OptionalInt uid, FileTime since) {
        try (var files = Files.walk(folder)) {
            return files.limit(10_000).anyMatch(file -> {
                try {
                    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) < size) {
                        return false;
                    }
                    return uid.isPresent()
                            ? ((Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)) == uid.getAsInt()
                            : Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).compareTo(since) >= 0;
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
