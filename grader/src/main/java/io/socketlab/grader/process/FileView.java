package io.socketlab.grader.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file system a program sees in {@code --sandbox ns}, as bubblewrap arguments: an allow-list built on an empty
 * root. The system's folders are read-only, {@code /proc}, {@code /dev} and {@code /tmp} are the sandbox's own, and
 * every other path is visible only when added, read-only or writable, at the same path as outside. Hidden paths
 * (the grader's own files, the report folder) are covered over wherever an added folder would show them.
 */
final class FileView {

    /** What one path becomes; a later, stronger kind replaces a weaker one on the same path. */
    private enum Kind { DIR, READ_ONLY, WRITABLE, HIDDEN }

    /** Folders of the system that every program needs (binaries, libraries, configuration), read-only. */
    private static final List<String> SYSTEM = List.of("/usr", "/etc", "/opt");
    /** Top-level folders that are links into {@code /usr} on merged systems, and folders of their own elsewhere. */
    private static final List<String> MERGED = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

    private final Map<Path, Kind> paths = new TreeMap<>();
    private final List<Path> hidden = new ArrayList<>();
    private final long tmpBytes;
    private final boolean cgroupsVisible;

    /**
     * @param tmpBytes       the size of the program's private {@code /tmp}
     * @param cgroupsVisible whether {@code /sys/fs/cgroup} is shown read-only (a JVM reads its memory limit there)
     */
    FileView(long tmpBytes, boolean cgroupsVisible) {
        this.tmpBytes = tmpBytes;
        this.cgroupsVisible = cgroupsVisible;
    }

    /** Shows {@code path} (a folder or a file) read-only, when it exists. */
    FileView readOnly(Path path) {
        return add(path, Kind.READ_ONLY);
    }

    /** Shows the folder {@code path} writable, when it exists. */
    FileView writable(Path path) {
        return add(path, Kind.WRITABLE);
    }

    /**
     * Covers these paths wherever an added folder (or a system folder) would show them, unless they were added
     * themselves.
     */
    FileView hide(Collection<Path> covered) {
        covered.forEach(path -> hidden.add(path.toAbsolutePath().normalize()));
        return this;
    }

    private FileView add(Path path, Kind kind) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.exists(absolute) && absolute.getNameCount() > 0) {
            paths.merge(absolute, kind, (old, added) -> added.compareTo(old) > 0 ? added : old);
        }
        return this;
    }

    /** The bubblewrap options that build this view. */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        for (String system : SYSTEM) {
            if (Files.isDirectory(Path.of(system))) {
                args.addAll(List.of("--ro-bind", system, system));
            }
        }
        for (String top : MERGED) {
            Path path = Path.of(top);
            if (Files.isSymbolicLink(path)) {
                try {
                    args.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), top));
                } catch (IOException e) {
                    // An unreadable link is left out, as a missing folder is.
                }
            } else if (Files.isDirectory(path)) {
                args.addAll(List.of("--ro-bind", top, top));
            }
        }
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                "--perms", "1777", "--size", Long.toString(tmpBytes), "--tmpfs", "/tmp"));
        Map<Path, Kind> plan = new TreeMap<>(paths);
        if (cgroupsVisible) {
            plan.put(Path.of("/sys/fs/cgroup"), Kind.READ_ONLY);
        }
        for (Path path : hidden) {
            // A path the program's own command line names (the grader's classes on a classpath it builds) stays.
            if (Files.exists(path) && !paths.containsKey(path) && isShown(path, plan)) {
                plan.put(path, Kind.HIDDEN);
            }
        }
        // A read-only path inside a folder shown already needs no mount of its own.
        plan.keySet().removeIf(path -> plan.get(path) == Kind.READ_ONLY && shownByAncestor(path, plan));
        for (Path path : List.copyOf(plan.keySet())) {
            for (Path parent = path.getParent(); parent != null && parent.getNameCount() > 0;
                 parent = parent.getParent()) {
                plan.putIfAbsent(parent, Kind.DIR);
            }
        }
        plan.forEach((path, kind) -> args.addAll(options(path, kind)));
        return args;
    }

    /** Whether a system folder or a folder of the plan, writable or not, shows {@code path}. */
    private static boolean isShown(Path path, Map<Path, Kind> plan) {
        boolean bySystem = SYSTEM.stream().map(Path::of).anyMatch(path::startsWith);
        boolean byPlan = plan.entrySet().stream().anyMatch(e -> (e.getValue() == Kind.READ_ONLY
                || e.getValue() == Kind.WRITABLE) && path.startsWith(e.getKey()));
        return bySystem || byPlan;
    }

    private static boolean shownByAncestor(Path path, Map<Path, Kind> plan) {
        for (Path parent = path.getParent(); parent != null; parent = parent.getParent()) {
            Kind kind = plan.get(parent);
            if (kind == Kind.READ_ONLY || kind == Kind.WRITABLE) {
                return true;
            }
            if (kind == Kind.HIDDEN) {
                return false;
            }
        }
        return false;
    }

    private static List<String> options(Path path, Kind kind) {
        String p = path.toString();
        boolean underSystem = SYSTEM.stream().anyMatch(system -> path.startsWith(system))
                || MERGED.stream().anyMatch(system -> path.startsWith(system));
        return switch (kind) {
            // Folders on the way to a mount: made 0755 so that the program's uid can pass through them.
            case DIR -> underSystem || p.equals("/tmp") || p.equals("/proc") || p.equals("/dev")
                    ? List.of() : List.of("--dir", p);
            // The system's folders are shown read-only already.
            case READ_ONLY -> underSystem ? List.of() : List.of("--ro-bind", p, p);
            case WRITABLE -> List.of("--bind", p, p);
            case HIDDEN -> Files.isDirectory(path)
                    ? List.of("--tmpfs", p, "--remount-ro", p)
                    : List.of("--ro-bind", "/dev/null", p);
        };
    }
}
