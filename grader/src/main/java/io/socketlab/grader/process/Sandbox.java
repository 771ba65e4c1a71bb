package io.socketlab.grader.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the programs a {@link ProgramLauncher} starts run: as plain processes ({@link #NONE}), in Linux namespaces
 * through bubblewrap ({@link NamespaceSandbox}, {@code --sandbox ns}), or in Docker containers
 * ({@link DockerSandbox}, {@code --sandbox docker}).
 */
public interface Sandbox extends AutoCloseable {

    /**
     * Everything a sandbox needs to start one program.
     *
     * @param label       the program's name in reports ({@code echo-server})
     * @param command     its command line, the contract's arguments included
     * @param workingDir  where it runs
     * @param privateDir  its own folder (TMPDIR, HOME in a sandbox), removed when it ends
     * @param sessionRoot the folder every program's and data folder is made in
     * @param writable    folders it may write: its private folder and the data folders its arguments name
     * @param readable    folders and files it must read besides the system's: its code, its runtimes
     * @param environment its variables
     */
    record Launch(String label, List<String> command, Path workingDir, Path privateDir, Path sessionRoot,
                  List<Path> writable, List<Path> readable, Map<String, String> environment) {

        public Launch {
            command = List.copyOf(command);
            writable = List.copyOf(writable);
            readable = List.copyOf(readable);
            environment = Map.copyOf(environment);
        }
    }

    /** Plain processes with the grader's view of the machine: no isolation, no limits. */
    Sandbox NONE = new Sandbox() {
        @Override
        public String mode() {
            return "none";
        }

        @Override
        public Confinement confine(Launch launch) {
            return Confinement.plain(launch.command(), launch.environment());
        }
    };

    /** {@code none}, {@code ns} or {@code docker}: the value of {@code --sandbox}. */
    String mode();

    /** How to start the program of {@code launch}, and what to do when it ends. */
    Confinement confine(Launch launch);

    /**
     * Whether the grader reaches the programs over its own loopback. False for an {@code ns} sandbox whose JVM is not
     * in a private network namespace: each program then gets a network of its own (a build, never a graded server).
     */
    default boolean sharesLoopbackWithGrader() {
        return true;
    }

    /** What this sandbox cannot enforce on this machine, one sentence each; empty when it enforces everything. */
    default List<String> limitations() {
        return List.of();
    }

    /**
     * The grader's own files, which no sandboxed program may see: its jar, or, run from a build, its module (sources
     * and classes). A sandbox covers them over wherever a folder it shows would show them.
     */
    static List<Path> graderFiles() {
        try {
            Path code = Path.of(Sandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!java.nio.file.Files.isDirectory(code)) {
                return List.of(code);
            }
            for (Path dir = code; dir != null; dir = dir.getParent()) {
                if (java.nio.file.Files.isRegularFile(dir.resolve("pom.xml"))) {
                    return List.of(dir);
                }
            }
            return List.of(code);
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return List.of();
        }
    }

    /** Frees what the sandbox holds for the whole session (a Docker network holder, say). */
    @Override
    default void close() {
    }
}
