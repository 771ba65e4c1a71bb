package io.socketlab.grader.regrade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and kills the processes a command left running after it ended, on Linux, from {@code /proc}: those whose
 * environment carries the command's marker, or names its scratch folder (the grader gives every program a
 * {@code TMPDIR} inside it), or whose working folder is inside it. Best effort where {@code /proc} is absent or a
 * process is not this user's; a PID namespace does this for good.
 */
final class Leftovers {

    private static final Path PROC = Path.of("/proc");
    private static final int ROUNDS = 5;

    private Leftovers() {
    }

    /** Kills every leftover, again until none is found (a dying daemon may fork once more); returns how many. */
    static int kill(String marker, Path scratch) {
        int killed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<ProcessHandle> found = find(marker, scratch);
            if (found.isEmpty()) {
                break;
            }
            for (ProcessHandle process : found) {
                process.destroyForcibly();
                process.onExit().completeOnTimeout(process, Duration.ofSeconds(2).toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS).join();
            }
            killed += found.size();
        }
        return killed;
    }

    static List<ProcessHandle> find(String marker, Path scratch) {
        List<ProcessHandle> found = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return found;
        }
        long self = ProcessHandle.current().pid();
        String markerEntry = PlainCommandRunner.MARKER + "=" + marker;
        String scratchPath = scratch.toAbsolutePath().normalize().toString();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                if (pid == self) {
                    continue;
                }
                if (leftBehind(entry, markerEntry, scratchPath)) {
                    ProcessHandle.of(pid).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            // /proc changes as we read it: what was missed is looked for in the next round.
        }
        return found;
    }

    private static boolean leftBehind(Path process, String markerEntry, String scratchPath) {
        Optional<String> environment = read(process.resolve("environ"));
        if (environment.isPresent()) {
            for (String variable : environment.get().split("\0")) {
                if (variable.equals(markerEntry) || variable.endsWith(scratchPath)
                        || variable.contains(scratchPath + "/")) {
                    return true;
                }
            }
        }
        try {
            Path cwd = Files.readSymbolicLink(process.resolve("cwd"));
            return cwd.startsWith(scratchPath);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
