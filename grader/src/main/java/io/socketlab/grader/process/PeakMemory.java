package io.socketlab.grader.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far a program's resident memory rose above where it stood when the watch began, from the kernel's high-water
 * mark ({@code VmHWM} in {@code /proc/PID/status}) of every process in its tree. The mark records the peak whenever
 * it happened, so a program that allocates a buffer and frees it a moment later is seen however late, or however
 * slowly on a busy machine, the grader looks: the verdict does not depend on timing.
 */
public final class PeakMemory {

    private final ProcessHandle root;
    private final long baselineKib;

    private PeakMemory(ProcessHandle root, long baselineKib) {
        this.root = root;
        this.baselineKib = baselineKib;
    }

    /**
     * Starts watching the tree below {@code root}: first asks the kernel to reset each process's high-water mark to
     * its current resident size ({@code echo 5 > /proc/PID/clear_refs}, Linux 4.0 and later, allowed to the owner of
     * the process); where that is refused the old mark stays, which only makes the watch more lenient.
     *
     * @return empty where the system keeps no such table (not Linux)
     */
    public static Optional<PeakMemory> watch(ProcessHandle root) {
        for (ProcessHandle process : tree(root)) {
            resetMark(process.pid());
        }
        OptionalLong baseline = sumOfMarks(root);
        return baseline.isPresent() ? Optional.of(new PeakMemory(root, baseline.getAsLong()))
                : Optional.empty();
    }

    /** The peak's rise since the watch began, in KiB (0 when it did not rise); empty once the program is gone. */
    public OptionalLong growthKib() {
        OptionalLong now = sumOfMarks(root);
        return now.isPresent() ? OptionalLong.of(Math.max(0, now.getAsLong() - baselineKib)) : OptionalLong.empty();
    }

    private static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        return tree;
    }

    private static void resetMark(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5", StandardCharsets.US_ASCII);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not ours to reset, or not Linux: the old mark is kept.
        }
    }

    /** The sum of the high-water marks of the tree's processes; empty when the root's status cannot be read. */
    private static OptionalLong sumOfMarks(ProcessHandle root) {
        long total = 0;
        for (ProcessHandle process : tree(root)) {
            OptionalLong mark = statusKib(process.pid(), "VmHWM:");
            if (mark.isEmpty() && process.equals(root)) {
                return OptionalLong.empty();
            }
            total += mark.orElse(0);
        }
        return OptionalLong.of(total);
    }

    /** A {@code kB} figure of {@code /proc/PID/status}; empty if the process is gone or has no such line (a kernel thread). */
    static OptionalLong statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(Long.parseLong(line.substring(field.length()).replace("kB", "").strip()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone meanwhile
        }
        return OptionalLong.empty();
    }
}
