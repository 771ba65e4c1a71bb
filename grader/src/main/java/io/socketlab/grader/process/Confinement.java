package io.socketlab.grader.process;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** How one program is started in its sandbox, and how its sandbox is taken down when it ends. */
public interface Confinement {

    /** The command line the launcher starts: the program's own, or the program's wrapped in the sandbox's tools. */
    List<String> argv();

    /** Every variable the started process gets. */
    Map<String, String> environment();

    /**
     * How many levels of wrapper processes sit above the program in the started process's tree (bubblewrap and its
     * init: 2); signals meant for the program go to the processes below them. 0 when the started process is the
     * program, or forwards signals to it (the docker client).
     */
    int wrapperDepth();

    /** Kills everything the program started, at once, wherever it runs; bounded, and harmless when already done. */
    void kill();

    /** The limit the program ran into, if any, judging by what the sandbox recorded and the exit code. */
    Optional<LimitBreach> breach(OptionalInt exitCode);

    /** Resident memory of the whole program, when the sandbox knows it better than the started process's tree. */
    default OptionalLong residentKib() {
        return OptionalLong.empty();
    }

    /** Whether {@link #residentKib()} is the answer (true) or the started process's tree is to be measured. */
    default boolean measuresMemory() {
        return false;
    }

    /**
     * The program's first process where it is not the started one's tree (a container's init, seen from the host);
     * empty when the started process's tree is the program.
     */
    default Optional<ProcessHandle> programRoot() {
        return Optional.empty();
    }

    /** Frees what the program held (its cgroup, its uid, its container) once it is gone; idempotent. */
    void release();

    /** A program started as it is, with no sandbox around it. */
    static Confinement plain(List<String> command, Map<String, String> environment) {
        return new Confinement() {
            @Override
            public List<String> argv() {
                return List.copyOf(command);
            }

            @Override
            public Map<String, String> environment() {
                return Map.copyOf(environment);
            }

            @Override
            public int wrapperDepth() {
                return 0;
            }

            @Override
            public void kill() {
            }

            @Override
            public Optional<LimitBreach> breach(OptionalInt exitCode) {
                return Optional.empty();
            }

            @Override
            public void release() {
            }
        };
    }
}
